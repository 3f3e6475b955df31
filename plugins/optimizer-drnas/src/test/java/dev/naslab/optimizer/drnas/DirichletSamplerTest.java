package dev.naslab.optimizer.drnas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.base.Rng;
import dev.naslab.space.darts.DartsSettings;
import dev.naslab.space.darts.DartsSpace;
import dev.naslab.space.nb201.Nb201Settings;
import dev.naslab.space.nb201.Nb201Space;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.TestSearchState;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DirichletSamplerTest {

    private static final CellType ONE_EDGE = new CellType("cell", List.of(new Edge(0, 1)), List.of("a", "b", "c"), 0);

    /** E[Σ w_k x_k²] for x ~ Dirichlet(c): E[x_k²] = c_k(c_k + 1)/(S(S + 1)), S = Σ c. */
    private static double expectation(double[] c, double[] w) {
        double s = 0;
        for (double v : c) {
            s += v;
        }
        double e = 0;
        for (int k = 0; k < c.length; k++) {
            e += w[k] * c[k] * (c[k] + 1) / (s * (s + 1));
        }
        return e;
    }

    /**
     * The pathwise gradient of f(x) = Σ w_k x_k², averaged over many draws, against central finite
     * differences of f's exact expectation: unbiased, so they agree to the Monte-Carlo error.
     */
    @Test
    void pathwiseGradientAveragesToTheGradientOfTheExpectation() {
        double[] alpha = {-0.3567, 0.5, 2.0}; // concentrations 0.7 (the boosted sampler), 1.5, 3.0
        double[] c = new double[3];
        for (int k = 0; k < 3; k++) {
            c[k] = DirichletSampler.concentration(alpha[k]);
        }
        double[] w = {1, -2, 0.5};
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(List.of(ONE_EDGE), m, new Rng(1), 0f)) {
            arch.alpha("cell").set(java.nio.FloatBuffer.wrap(new float[] {(float) alpha[0], (float) alpha[1], (float) alpha[2]}));
            Rng rng = new Rng(42);
            int n = 40000;
            double[] mean = new double[3];
            double[] sample = new double[3];
            for (int i = 0; i < n; i++) {
                DirichletSampler.Draw d = DirichletSampler.draw(arch, rng);
                float[] x = d.sample().get("cell");
                float[] slope = d.slope().get("cell");
                double wx2 = 0;
                for (int k = 0; k < 3; k++) {
                    wx2 += 2 * w[k] * x[k] * x[k];
                    sample[k] += x[k] / (double) n;
                }
                for (int j = 0; j < 3; j++) {
                    mean[j] += slope[j] * (2 * w[j] * x[j] - wx2) / n; // ∂f/∂c_j = Σ_i f'_i (δ_ij − x_i)·slope_j
                }
            }
            double s = c[0] + c[1] + c[2];
            for (int j = 0; j < 3; j++) {
                assertEquals(c[j] / s, sample[j], 0.005, "the draws' mean is c/S");
                double h = 1e-5;
                double[] up = c.clone();
                double[] down = c.clone();
                up[j] += h;
                down[j] -= h;
                double exact = (expectation(up, w) - expectation(down, w)) / (2 * h);
                assertEquals(exact, mean[j], 0.03 * Math.abs(exact) + 2e-3, "∂E[f]/∂c_" + j);
            }
        }
    }

    /** The pass's arrays carry the draw's value and, to α, the Jacobian (δ_ij − x_i)·slope_j times elu'(α). */
    @Test
    void passWeightsHaveTheDrawsValueAndItsJacobian() {
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(List.of(ONE_EDGE), m, new Rng(1), 0f)) {
            float[] alpha = {-0.5f, 0.25f, 1.0f};
            arch.alpha("cell").set(java.nio.FloatBuffer.wrap(alpha));
            DirichletSampler.Draw d = DirichletSampler.draw(arch, new Rng(3));
            float[] x = d.sample().get("cell");
            float[] slope = d.slope().get("cell");
            float[] u = {0.3f, -1.2f, 2.0f};
            try (NDManager pass = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                MixingWeights mw = DirichletSampler.weights(arch, d, pass);
                NDArray matrix = mw.matrix("cell");
                assertArrayEquals(x, matrix.toFloatArray(), 1e-7f);
                gc.backward(matrix.mul(pass.create(u, matrix.getShape())).sum());
            }
            float[] grad = arch.alpha("cell").getGradient().toFloatArray();
            double ux = 0;
            for (int i = 0; i < 3; i++) {
                ux += u[i] * x[i];
            }
            for (int j = 0; j < 3; j++) {
                double dc = alpha[j] > 0 ? 1 : Math.exp(alpha[j]);
                assertEquals((u[j] - ux) * slope[j] * dc, grad[j], 1e-6, "dL/dα_" + j);
            }
        }
    }

    @Test
    void evaluationMixesWithTheDirichletsMean() {
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(List.of(ONE_EDGE), m, new Rng(1), 0f)) {
            arch.alpha("cell").set(java.nio.FloatBuffer.wrap(new float[] {(float) Math.log(0.5), 1f, 0f}));
            arch.use(new DirichletMeanMixing(), new Rng(1));
            try (NDManager pass = m.newSubManager()) {
                // concentrations 0.5, 2, 1
                assertArrayEquals(new float[] {0.5f / 3.5f, 2 / 3.5f, 1 / 3.5f}, arch.mixingWeights(pass).matrix("cell").toFloatArray(),
                        1e-6f);
            }
        }
    }

    @Test
    void settingsRejectAWarmUpThatLeavesNoEpochForAlpha() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.naslab.api.SettingException.class,
                () -> new DrnasSettings(5, null, null, null, null, null, null, null, null, null, null, 5));
        assertEquals("warmup_epochs: 5 leaves no epoch for α; it must be below epochs (5)", e.getMessage());
    }

    @Test
    void searchStepsTrainBothSpacesAndRepeatExactlyFromTheSameState() {
        for (String space : List.of("nas-bench-201", "darts")) {
            float[] first = steps(space);
            assertArrayEquals(first, steps(space), space + ": the same seed gives the same α");
            assertNotEquals(0f, first[0], space);
        }
    }

    private static float[] steps(String space) {
        InputShape shape = new InputShape(1, 8, 8);
        var data = TestData.splits(shape, 3, 16, 2);
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = space.equals("darts")
                        ? new DartsSpace().supernet(new DartsSettings(4, 2, null, null, null), shape, 3, new Rng(7), m)
                        : new Nb201Space().supernet(new Nb201Settings(2, 1), shape, 3, new Rng(7), m)) {
            DrnasOptimizer opt = new DrnasOptimizer();
            DrnasSettings s = new DrnasSettings(2, 8, null, null, null, null, null, null, null, null, null, null);
            net.arch().use(opt.mixing(s), new Rng(1));
            TestSearchState state = new TestSearchState(net, m, 9, null).schedule(0, 2, 2);
            opt.begin(state, s);
            for (int i = 0; i < 2; i++) {
                int[] idx = IntStream.range(i * 8, i * 8 + 8).toArray();
                try (NDManager step = m.newSubManager();
                        Batch t = data.train().batch(idx, Augmentation.NONE, null, step);
                        Batch v = data.valid().batch(idx, Augmentation.NONE, null, step)) {
                    opt.step(state, s, t, v);
                }
            }
            assertTrue(Double.isFinite(state.metrics().get("train_loss")));
            assertTrue(state.metrics().get("concentration_mean") > 0.9);
            return net.arch().alpha(net.arch().cellTypes().get(0).name()).toFloatArray();
        }
    }
}
