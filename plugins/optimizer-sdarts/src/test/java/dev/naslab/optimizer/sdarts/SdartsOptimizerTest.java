package dev.naslab.optimizer.sdarts;

import dev.naslab.testkit.TestSearchState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.SettingException;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.base.Rng;
import dev.naslab.space.nb201.Nb201Settings;
import dev.naslab.space.nb201.Nb201Space;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SdartsOptimizerTest {

    static final int B = 6;
    static final int CLASSES = 3;

    static Supernet tiny(NDManager m) {
        return new Nb201Space().supernet(new Nb201Settings(2, 1), new InputShape(1, 8, 8), CLASSES, new Rng(7), m);
    }

    static Batch batch(NDManager m, long seed) {
        Rng r = new Rng(seed);
        float[] x = new float[B * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float[] oh = new float[B * CLASSES];
        int[] labels = new int[B];
        for (int i = 0; i < B; i++) {
            labels[i] = r.nextInt(CLASSES);
            oh[i * CLASSES + labels[i]] = 1;
        }
        return new Batch(m.create(x, new Shape(B, 1, 8, 8)), m.create(oh, new Shape(B, CLASSES)), labels);
    }

    static SdartsSettings settings(String perturbation) {
        return new SdartsSettings(1, B, null, null, null, null, null, null, null, null, null, null,
                perturbation, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "adversarial"})
    void alphaNeverSeesThePerturbationButTheWeightsDo(String kind) {
        try (NDManager m = NDManager.newBaseManager(); Supernet a = tiny(m); Supernet b = tiny(m)) {
            // a: one SDARTS step; b: the same alpha step alone, then a plain weight step
            TestSearchState sa = new TestSearchState(a, m);
            SdartsOptimizer opt = new SdartsOptimizer();
            opt.begin(sa, settings(kind));
            opt.step(sa, settings(kind), batch(m, 1), batch(m, 2));
            Adam adam = new Adam(b.arch().alphas(), 3e-4f, 0.5f, 0.999f, 1e-8f, 1e-3f, m);
            BilevelSteps.alphaStep(b, adam, batch(m, 2));
            assertArrayEquals(b.arch().alpha("cell").toFloatArray(), a.arch().alpha("cell").toFloatArray(), 0f,
                    "alpha after the step is the clean DARTS alpha step's");
            var sgd = new dev.naslab.api.train.Sgd(b.params().weights(), 0.9f, 3e-4f, m);
            BilevelSteps.weightStep(b, sgd, 0.025f, 5f, batch(m, 1), true);
            float[] wa = a.params().weights().values().iterator().next().toFloatArray();
            float[] wb = b.params().weights().values().iterator().next().toFloatArray();
            boolean differ = false;
            for (int i = 0; i < wa.length; i++) {
                differ |= wa[i] != wb[i];
            }
            assertTrue(differ, "the weight step saw perturbed mixing weights");
            assertEquals(0.03, sa.metrics().get("epsilon"), 1e-9);
            if (kind.equals("adversarial")) {
                assertTrue(sa.metrics().containsKey("attack_kept"), sa.metrics().toString());
            }
        }
    }

    @Test
    void badSettingsNameTheKey() {
        var p = assertThrows(SettingException.class, () -> settings("gaussian"));
        assertEquals("perturbation", p.key());
        assertTrue(p.getMessage().contains("random, adversarial"), p.getMessage());
        var e = assertThrows(SettingException.class, () -> new SdartsSettings(null, null, null, null, null, null, null,
                null, null, null, null, null, null, -1.0, null));
        assertEquals("epsilon", e.key());
        var s = assertThrows(SettingException.class, () -> new SdartsSettings(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, 0));
        assertEquals("attack_steps", s.key());
        assertFalse(settings(null).adversarial(), "random by default");
    }
}
