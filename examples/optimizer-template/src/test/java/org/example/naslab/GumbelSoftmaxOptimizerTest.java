package org.example.naslab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.SettingException;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.InputShape;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.TestSearchState;
import dev.naslab.testkit.ToySupernet;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Unit-tested without the host, on the naslab test kit's toy supernet, with hand-computed numbers. */
class GumbelSoftmaxOptimizerTest {

    private static GumbelSoftmaxOptimizer.Settings settings(Double tauStart, Double tauEnd) {
        return new GumbelSoftmaxOptimizer.Settings(3, 8, null, null, tauStart, tauEnd);
    }

    /** Exponential annealing 1 → 0.01 over 3 epochs: 1, 0.1, 0.01. */
    @Test
    void temperatureAnnealsExponentially() {
        GumbelSoftmaxOptimizer.Settings s = settings(1.0, 0.01);
        assertEquals(1.0, GumbelSoftmaxOptimizer.tau(s, 0, 3), 1e-12);
        assertEquals(0.1, GumbelSoftmaxOptimizer.tau(s, 1, 3), 1e-12);
        assertEquals(0.01, GumbelSoftmaxOptimizer.tau(s, 2, 3), 1e-12);
        SettingException e = assertThrows(SettingException.class, () -> settings(0.5, 2.0));
        assertEquals("tau_end", e.key());
    }

    /**
     * α ≡ 0 makes log_softmax(α) a constant, so the weights are softmax(g / τ): for g = (0, ln 2, ln 3, ln 4)
     * at τ = 1 they are (1, 2, 3, 4) / 10, and at τ = ½ the squares (1, 4, 9, 16) / 30.
     */
    @Test
    void sampledWeightsAreTheGumbelSoftmaxOfTheDraw() {
        InputShape shape = new InputShape(1, 8, 8);
        float[] row = {0, (float) Math.log(2), (float) Math.log(3), (float) Math.log(4)};
        float[] g = new float[12];
        for (int e = 0; e < 3; e++) {
            System.arraycopy(row, 0, g, e * 4, 4);
        }
        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(shape, 2, 4, 1, m)) {
            net.arch().fill(0f);
            try (NDManager pass = m.newSubManager()) {
                Map<String, float[]> noise = Map.of(ToySupernet.CELL.name(), g);
                float[] w1 = GumbelSoftmaxOptimizer.sampled(net.arch(), noise, 1).apply(pass)
                        .matrix(ToySupernet.CELL.name()).toFloatArray();
                assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, java.util.Arrays.copyOf(w1, 4), 1e-6f);
                float[] w2 = GumbelSoftmaxOptimizer.sampled(net.arch(), noise, 0.5).apply(pass)
                        .matrix(ToySupernet.CELL.name()).toFloatArray();
                assertArrayEquals(new float[] {1 / 30f, 4 / 30f, 9 / 30f, 16 / 30f}, java.util.Arrays.copyOf(w2, 4), 1e-6f);
            }
        }
    }

    /** Two steps from the same seed repeat exactly (the noise comes from the search's generator) and move α. */
    @Test
    void stepsRepeatFromTheSameSeedAndTrainAlpha() {
        float[] first = steps();
        assertArrayEquals(first, steps());
        assertFalse(java.util.Arrays.equals(first, initialAlpha()), "α moved");
    }

    private static float[] initialAlpha() {
        try (NDManager m = NDManager.newBaseManager();
                ToySupernet net = new ToySupernet(new InputShape(1, 8, 8), 2, 4, 1, m)) {
            return net.arch().alpha(ToySupernet.CELL.name()).toFloatArray();
        }
    }

    private static float[] steps() {
        InputShape shape = new InputShape(1, 8, 8);
        var data = TestData.splits(shape, 2, 16, 0);
        GumbelSoftmaxOptimizer opt = new GumbelSoftmaxOptimizer();
        GumbelSoftmaxOptimizer.Settings s = settings(null, null);
        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(shape, 2, 4, 1, m)) {
            TestSearchState state = new TestSearchState(net, m, 5, null).schedule(0, 3, 2);
            opt.begin(state, s);
            for (int i = 0; i < 2; i++) {
                int[] idx = IntStream.range(i * 8, i * 8 + 8).toArray();
                try (NDManager step = m.newSubManager();
                        Batch t = data.train().batch(idx, Augmentation.NONE, null, step);
                        Batch v = data.valid().batch(idx, Augmentation.NONE, null, step)) {
                    opt.step(state, s, t, v);
                }
            }
            assertEquals(1.0, state.metrics().get("tau"), 1e-12);
            assertTrue(Double.isFinite(state.metrics().get("valid_loss")));
            return net.arch().alpha(ToySupernet.CELL.name()).toFloatArray();
        }
    }
}
