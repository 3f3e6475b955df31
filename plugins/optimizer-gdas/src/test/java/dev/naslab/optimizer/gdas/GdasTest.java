package dev.naslab.optimizer.gdas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.naslab.api.SettingException;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.train.Passes;
import dev.naslab.api.base.Rng;
import dev.naslab.space.darts.DartsSettings;
import dev.naslab.space.darts.DartsSpace;
import dev.naslab.space.nb201.Nb201Settings;
import dev.naslab.space.nb201.Nb201Space;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.TestSearchState;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GdasTest {

    private static final CellType ONE_EDGE = new CellType("cell", List.of(new Edge(0, 1)), List.of("a", "b", "c"), 0);

    static GdasSettings settings(Integer epochs, Double tauMax, Double tauMin) {
        return new GdasSettings(epochs, 8, null, null, null, null, null, null, null, null, null, null, tauMax, tauMin);
    }

    /**
     * One edge, three ops with known outputs y_k, loss L = Σ_i c_i·out_i. With z = (log_softmax(α) + g)/τ,
     * p = softmax(z) and the computed op k*, out = h_k*·y_k* + Σ_{j≠k*} h_j, so ∂L/∂p_j = A_j with
     * A_k* = c·y_k* and A_j = Σ c otherwise; the chain rule through both softmaxes gives
     * ∂L/∂α_m = p_m·(A_m − Σ_j A_j p_j)/τ (the log_softmax's Jacobian drops out because Σ_k ∂L/∂z_k = 0).
     */
    @Test
    void straightThroughGradientIsTheHandComputedChainRule() {
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(List.of(ONE_EDGE), m, new Rng(3), 1f)) {
            arch.alpha("cell").set(java.nio.FloatBuffer.wrap(new float[] {0.4f, -0.3f, 0.9f}));
            float[][] y = {{1, 2, 3, 4}, {-1, 0.5f, 2, 1}, {0.25f, -2, 1, 3}};
            float[] c = {0.5f, -1, 2, 0.75f};
            double tau = 2.5;
            GumbelSampler.Draw draw = GumbelSampler.draw(arch, new Rng(11));
            int chosen = draw.chosen().get("cell")[0];
            float[] g = draw.noise().get("cell");
            NDArray grad;
            try (NDManager pass = m.newSubManager()) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    MixingWeights w = GumbelSampler.weights(arch, draw, tau, pass);
                    NDArray out = pass.zeros(new ai.djl.ndarray.types.Shape(4));
                    for (int k = 0; k < 3; k++) {
                        assertEquals(k == chosen, w.active("cell", 0, k), "only the drawn op is computed");
                        if (w.active("cell", 0, k)) {
                            out = out.add(w.weigh("cell", 0, k, pass.create(y[k])));
                        }
                    }
                    out = out.add(w.straightThrough("cell", 0));
                    float[] value = out.toFloatArray();
                    for (int i = 0; i < 4; i++) {
                        assertEquals(y[chosen][i], value[i], 1e-6, "the forward value is the drawn op's output");
                    }
                    gc.backward(out.mul(pass.create(c)).sum());
                }
                grad = arch.alpha("cell").getGradient();
                float[] got = grad.toFloatArray();

                float[] alpha = {0.4f, -0.3f, 0.9f};
                double[] logp = GumbelSampler.logSoftmax(alpha);
                double[] z = new double[3];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 3; k++) {
                    z[k] = (logp[k] + g[k]) / tau;
                    max = Math.max(max, z[k]);
                }
                double sum = 0;
                double[] p = new double[3];
                for (int k = 0; k < 3; k++) {
                    p[k] = Math.exp(z[k] - max);
                    sum += p[k];
                }
                double sumC = 0;
                double cy = 0;
                for (int i = 0; i < 4; i++) {
                    sumC += c[i];
                    cy += c[i] * y[chosen][i];
                }
                double[] a = new double[3];
                double ap = 0;
                for (int k = 0; k < 3; k++) {
                    p[k] /= sum;
                    a[k] = k == chosen ? cy : sumC;
                    ap += a[k] * p[k];
                }
                for (int k = 0; k < 3; k++) {
                    assertEquals(p[k] * (a[k] - ap) / tau, got[k], 1e-6, "dL/dα_" + k);
                }
            }
        }
    }

    @Test
    void theDrawnOpIsTheArgmaxOfLogSoftmaxPlusNoiseAndTheNoiseIsGumbel() {
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(List.of(ONE_EDGE), m, new Rng(3), 1f)) {
            arch.alpha("cell").set(java.nio.FloatBuffer.wrap(new float[] {0f, (float) Math.log(2), (float) Math.log(5)}));
            Rng rng = new Rng(5);
            int[] counts = new int[3];
            double mean = 0;
            int n = 20000;
            for (int i = 0; i < n; i++) {
                GumbelSampler.Draw d = GumbelSampler.draw(arch, rng);
                counts[d.chosen().get("cell")[0]]++;
                mean += d.noise().get("cell")[0];
            }
            // the Gumbel-max trick: argmax(log p + g) ~ Categorical(p), p = (1, 2, 5)/8; E[g] = γ (Euler's constant)
            assertEquals(1 / 8.0, counts[0] / (double) n, 0.01);
            assertEquals(2 / 8.0, counts[1] / (double) n, 0.01);
            assertEquals(5 / 8.0, counts[2] / (double) n, 0.01);
            assertEquals(0.5772156649, mean / n, 0.03);
        }
    }

    @Test
    void temperatureDecaysLinearlyPerEpochAsTheReferenceSetsIt() {
        GdasSettings s = settings(250, null, null);
        assertEquals(10.0, s.tau(0, 250), 1e-12);
        assertEquals(10.0 - 9.9 / 249, s.tau(1, 250), 1e-12);
        assertEquals(10.0 - 9.9 * 124 / 249, s.tau(124, 250), 1e-12);
        assertEquals(0.1, s.tau(249, 250), 1e-12);
        assertEquals(10.0, s.tau(0, 1), 0, "a one-epoch search stays at tau_max");
        assertEquals(4.0, settings(3, 5.0, 3.0).tau(1, 3), 1e-12);
    }

    @Test
    void settingsHaveTheReferenceDefaultsAndRejectAnInvertedTemperatureRange() {
        GdasSettings d = new GdasSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(250, d.epochs());
        assertEquals(64, d.batchSize());
        assertEquals(5e-4, d.weightDecay());
        assertTrue(d.nesterov());
        assertEquals(0.0, d.gradClip());
        assertEquals(10.0, d.tauMax());
        assertEquals(0.1, d.tauMin());
        SettingException e = assertThrows(SettingException.class, () -> settings(10, 1.0, 2.0));
        assertEquals("tau_min", e.key());
        assertEquals("tau_min: 2.0 is above tau_max 1.0; the temperature decays from tau_max to tau_min", e.getMessage());
    }

    @Test
    void evaluationMixingComputesTheArgmaxOpOnlyWithValueOneAndSoftmaxGradients() {
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(List.of(ONE_EDGE), m, new Rng(3), 1f)) {
            arch.alpha("cell").set(java.nio.FloatBuffer.wrap(new float[] {0.1f, 0.7f, -0.2f}));
            arch.use(new ArgmaxMixing(), new Rng(1));
            assertEquals("gdas-argmax", arch.mixing().id());
            try (NDManager pass = m.newSubManager()) {
                MixingWeights w = arch.mixingWeights(pass);
                assertFalse(w.active("cell", 0, 0));
                assertTrue(w.active("cell", 0, 1));
                assertFalse(w.active("cell", 0, 2));
                assertArrayEquals(new float[] {0, 1, 0}, w.matrix("cell").toFloatArray(), 1e-6f);
                assertEquals(0f, w.straightThrough("cell", 0).getFloat(), 0f, "the uncomputed ops add exactly 0");
                arch.setTrainable(false);
                MixingWeights constant = arch.mixingWeights(pass);
                assertNull(constant.straightThrough("cell", 0), "no gradient wanted, no straight-through term");
                assertArrayEquals(new float[] {0, 1, 0}, constant.constants("cell")[0], 1e-6f);
            }
            // derivation ranks by softmax(α), as GDAS derives its architecture
            assertArrayEquals(dev.naslab.api.model.ArchMixing.SOFTMAX.strengths(arch, "cell")[0], arch.strengths("cell")[0]);
        }
    }

    @Test
    void searchStepsTrainBothSpacesAndRepeatExactlyFromTheSameState() {
        for (String space : List.of("nas-bench-201", "darts")) {
            float[] first = steps(space);
            float[] again = steps(space);
            assertArrayEquals(first, again, space + ": the same seed gives the same α after two steps");
            assertNotEquals(0f, first[0], space);
        }
    }

    /** Two GDAS iterations on a tiny supernet of {@code space}; α afterwards. */
    private static float[] steps(String space) {
        InputShape shape = new InputShape(1, 8, 8);
        var data = TestData.splits(shape, 3, 16, 2);
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = space.equals("darts")
                        ? new DartsSpace().supernet(new DartsSettings(4, 2, null, null, null), shape, 3, new Rng(7), m)
                        : new Nb201Space().supernet(new Nb201Settings(2, 1), shape, 3, new Rng(7), m)) {
            GdasOptimizer gdas = new GdasOptimizer();
            GdasSettings s = settings(2, null, null);
            net.arch().use(gdas.mixing(s), new Rng(1));
            TestSearchState state = new TestSearchState(net, m, 9, null).schedule(0, 2, 2);
            gdas.begin(state, s);
            for (int i = 0; i < 2; i++) {
                int[] idx = IntStream.range(i * 8, i * 8 + 8).toArray();
                try (NDManager step = m.newSubManager();
                        Batch t = data.train().batch(idx, dev.naslab.api.data.Augmentation.NONE, null, step);
                        Batch v = data.valid().batch(idx, dev.naslab.api.data.Augmentation.NONE, null, step)) {
                    gdas.step(state, s, t, v);
                }
            }
            assertEquals(10.0, state.metrics().get("tau"), 1e-9);
            assertTrue(Double.isFinite(state.metrics().get("train_loss")));
            String cell = net.arch().cellTypes().get(0).name();
            float[] before = net.arch().alpha(cell).toFloatArray();
            double acc = Passes.evaluate(net, data.valid(), 8, true, m).accuracy();
            assertTrue(acc >= 0 && acc <= 100);
            assertArrayEquals(before, net.arch().alpha(cell).toFloatArray(), "evaluating moves no α");
            return before;
        }
    }
}
