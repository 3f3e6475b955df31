package dev.naslab.optimizer.betadarts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.naslab.api.model.Supernet;
import dev.naslab.api.base.Rng;
import dev.naslab.space.nb201.Nb201Settings;
import dev.naslab.space.nb201.Nb201Space;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.TestSearchState;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BetaDartsTest {

    private static final CellType A = new CellType("a", List.of(new Edge(0, 1)), List.of("x", "y", "z"), 0);
    private static final CellType B = new CellType("b", List.of(new Edge(0, 1), new Edge(0, 2)), List.of("x", "y", "z"), 0);

    @Test
    void lambdaRampsAsTheReferencesLiteralFiftyTimesEpochOverHundred() {
        assertEquals(0.0, BetaDecay.lambda(50, 100, 0), 0);
        assertEquals(10.0, BetaDecay.lambda(50, 100, 20), 1e-12);
        assertEquals(24.5, BetaDecay.lambda(50, 100, 49), 1e-12, "the last epoch of a 50-epoch search");
        assertEquals(49.5, BetaDecay.lambda(50, 100, 99), 1e-12);
        assertEquals(3.0, BetaDecay.lambda(6, 4, 2), 1e-12);
    }

    /**
     * Rows (0, ln 2, ln 5) in cell a; (1, 1, 1) and (0, 0, ln 2) in cell b. logsumexp: ln 8, 1 + ln 3, ln 4;
     * the term is λ·(ln 8 + 1 + ln 3 + ln 4)/3 and its gradient λ·softmax(row)/3 per row.
     */
    @Test
    void regulariserAndItsGradientAreTheHandComputedOnes() {
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(List.of(A, B), m, new Rng(1), 0f)) {
            float ln2 = (float) Math.log(2);
            float ln5 = (float) Math.log(5);
            arch.alpha("a").set(java.nio.FloatBuffer.wrap(new float[] {0, ln2, ln5}));
            arch.alpha("b").set(java.nio.FloatBuffer.wrap(new float[] {1, 1, 1, 0, 0, ln2}));
            double lambda = 2.5;
            double expected = lambda * (Math.log(8) + 1 + Math.log(3) + Math.log(4)) / 3;
            assertEquals((Math.log(8) + 1 + Math.log(3) + Math.log(4)) / 3, BetaDecay.value(arch), 1e-6);
            try (NDManager pass = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray t = BetaDecay.term(arch, lambda).value(pass);
                assertEquals(expected, t.getFloat(), 1e-5);
                gc.backward(t);
            }
            double c = lambda / 3;
            assertArrayEquals(new float[] {(float) (c / 8), (float) (c * 2 / 8), (float) (c * 5 / 8)},
                    arch.alpha("a").getGradient().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {(float) (c / 3), (float) (c / 3), (float) (c / 3), (float) (c / 4),
                (float) (c / 4), (float) (c / 2)}, arch.alpha("b").getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void searchStepsLogTheRegulariserAndItsWeight() {
        InputShape shape = new InputShape(1, 8, 8);
        var data = TestData.splits(shape, 3, 16, 2);
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = new Nb201Space().supernet(new Nb201Settings(2, 1), shape, 3, new Rng(7), m)) {
            BetaDartsOptimizer opt = new BetaDartsOptimizer();
            BetaDartsSettings s = new BetaDartsSettings(4, 8, null, null, null, null, null, 0.05, null, null, null, null,
                    null);
            TestSearchState state = new TestSearchState(net, m, 1, null).schedule(2, 4, 1);
            opt.begin(state, s);
            try (NDManager step = m.newSubManager();
                    Batch t = data.train().batch(IntStream.range(0, 8).toArray(), Augmentation.NONE, null, step);
                    Batch v = data.valid().batch(IntStream.range(0, 8).toArray(), Augmentation.NONE, null, step)) {
                opt.step(state, s, t, v);
            }
            assertEquals(1.0, state.metrics().get("lambda"), 1e-12, "50·2/100");
            assertEquals(Math.log(5), state.metrics().get("beta_decay"), 0.05, "α starts near 0: logsumexp ≈ ln 5");
            assertEquals(Math.log(5), state.metrics().get("beta_decay_term"), 0.01, "λ = 1 times the regulariser at the step");
            assertTrue(Double.isFinite(state.metrics().get("train_loss")));
        }
    }
}
