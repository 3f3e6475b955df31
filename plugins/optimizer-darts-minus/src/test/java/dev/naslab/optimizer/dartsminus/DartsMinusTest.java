package dev.naslab.optimizer.dartsminus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.SettingException;
import dev.naslab.api.base.Rng;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.SpaceCapability;
import dev.naslab.api.model.Supernet;
import dev.naslab.space.nb201.Nb201Settings;
import dev.naslab.space.nb201.Nb201Space;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.TestSearchState;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DartsMinusTest {

    /** The reference's DecayScheduler with T_start 0 and T_max = T_stop = 50, by hand. */
    @Test
    void betaFallsAsTheReferencesSchedules() {
        assertEquals(1.0, AuxiliaryDecay.LINEAR.beta(1, 50, 0), 0);
        assertEquals(0.5, AuxiliaryDecay.LINEAR.beta(1, 50, 25), 1e-12);
        assertEquals(0.02, AuxiliaryDecay.LINEAR.beta(1, 50, 49), 1e-12, "(50 − 49)/50 at the last epoch");
        assertEquals(0.0, AuxiliaryDecay.LINEAR.beta(1, 50, 60), 1e-12, "after T it keeps β(T)");
        assertEquals(0.7, AuxiliaryDecay.LINEAR.beta(1.75, 10, 6), 1e-12, "1.75 · 4/10");
        assertEquals(0.5, AuxiliaryDecay.COSINE.beta(1, 50, 25), 1e-12, "(1 + cos π/2)/2");
        assertEquals(0.0, AuxiliaryDecay.COSINE.beta(1, 50, 50), 1e-12);
        assertEquals(Math.sqrt(0.5), AuxiliaryDecay.SLOW_COSINE.beta(1, 50, 25), 1e-12, "cos π/4");
        assertEquals(1.0, AuxiliaryDecay.SLOW_COSINE.beta(1, 50, 0), 0);
        assertEquals(0.8, AuxiliaryDecay.CONSTANT.beta(0.8, 50, 37), 0);
    }

    @Test
    void defaultsAreTheReferencesAndBadValuesAreRefused() {
        DartsMinusSettings s = new DartsMinusSettings(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        assertEquals(50, s.epochs());
        assertEquals(1.0, s.auxSkipBeta());
        assertEquals("linear", s.auxDecay());
        assertEquals(50, s.auxDecayEpochs(), "the search's epochs");
        assertEquals(0.02, s.auxiliaryBeta(49), 1e-12);
        assertEquals(Set.of(SpaceCapability.AUXILIARY_SKIP),
                new DartsMinusOptimizer().supernetOptions(s).required());
        assertThrows(SettingException.class, () -> new DartsMinusSettings(null, null, null, null, null, null, null, null,
                null, null, null, -1.0, null, null));
        assertThrows(SettingException.class, () -> new DartsMinusSettings(null, null, null, null, null, null, null, null,
                null, null, null, null, "exponential", null));
    }

    @Test
    void searchStepsTrainWithTheConnectionsAndLogTheirWeight() {
        InputShape shape = new InputShape(1, 8, 8);
        var data = TestData.splits(shape, 3, 16, 2);
        DartsMinusOptimizer opt = new DartsMinusOptimizer();
        DartsMinusSettings s = new DartsMinusSettings(4, 8, null, null, null, null, null, 0.05, null, null, null, null,
                null, null);
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = new Nb201Space().supernet(new Nb201Settings(2, 1), shape, 3, opt.supernetOptions(s),
                        new Rng(7), m)) {
            TestSearchState state = new TestSearchState(net, m, 1, null).schedule(2, 4, 1);
            opt.begin(state, s);
            float[] before = net.arch().alpha("cell").toFloatArray();
            try (NDManager step = m.newSubManager();
                    Batch t = data.train().batch(IntStream.range(0, 8).toArray(), Augmentation.NONE, null, step);
                    Batch v = data.valid().batch(IntStream.range(0, 8).toArray(), Augmentation.NONE, null, step)) {
                opt.step(state, s, t, v);
            }
            assertEquals(0.5, state.metrics().get("aux_skip_beta"), 1e-7, "epoch 2 of 4: 1 − 2/4");
            assertTrue(Double.isFinite(state.metrics().get("train_loss")));
            float[] after = net.arch().alpha("cell").toFloatArray();
            double moved = 0;
            for (int i = 0; i < after.length; i++) {
                moved = Math.max(moved, Math.abs(after[i] - before[i]));
            }
            assertTrue(moved > 0, "α stepped");
        }
    }
}
