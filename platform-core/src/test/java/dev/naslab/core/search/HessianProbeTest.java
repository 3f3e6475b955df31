package dev.naslab.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.train.Passes;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.ToySupernet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Hessian of a real (toy) supernet's validation loss, measured without moving the search. */
class HessianProbeTest {

    private static final InputShape SHAPE = new InputShape(1, 8, 8);

    @Test
    void measuringLeavesAlphaStatisticsAndTheLossAsTheyWere() {
        DataSplits data = TestData.splits(SHAPE, 2, 64, 3);
        try (NDManager m = NDManager.newBaseManager();
                ToySupernet net = new ToySupernet(SHAPE, 2, 4, 1, m);
                Batch valid = data.valid().batch(IntStream.range(0, 32).toArray(), Augmentation.NONE, null, m)) {
            net.arch().alpha("cell").set(java.nio.FloatBuffer.wrap(new float[] {0.3f, -0.2f, 0.1f, 0, 0.5f, 0.2f,
                -0.4f, 0.1f, 0, 0.2f, -0.1f, 0.3f}));
            float[] alpha = net.arch().alpha("cell").toFloatArray();
            double loss = Passes.evaluate(x -> net.forward(x, true), valid, true).loss(); // moves the statistics
            Map<String, float[]> buffers = new LinkedHashMap<>();
            net.params().buffers().forEach((k, b) -> buffers.put(k, b.toFloatArray()));

            HessianProbe.Measurement h = HessianProbe.measure(net, valid, 5);

            assertEquals(24, h.gradients(), "12 α entries: the full Hessian, two gradients per column");
            assertTrue(Double.isFinite(h.eigenvalue()) && h.eigenvalue() > 0, "curvature of a loss near α = 0: " + h);
            assertArrayEquals(alpha, net.arch().alpha("cell").toFloatArray(), "α as it was");
            net.params().buffers().forEach((k, b) -> assertArrayEquals(buffers.get(k), b.toFloatArray(), k));
            assertEquals(loss, Passes.evaluate(x -> net.forward(x, true), valid, true).loss(), 0, "the same loss");
            assertEquals(h.eigenvalue(), HessianProbe.measure(net, valid, 5).eigenvalue(), 0, "repeatable");
        }
    }

    @Test
    void lanczosAgreesWithTheFullHessian() {
        DataSplits data = TestData.splits(SHAPE, 2, 64, 4);
        try (NDManager m = NDManager.newBaseManager();
                ToySupernet net = new ToySupernet(SHAPE, 2, 4, 2, m);
                Batch valid = data.valid().batch(IntStream.range(0, 32).toArray(), Augmentation.NONE, null, m)) {
            NDArray a = net.arch().alpha("cell");
            double[] at = new double[(int) a.size()];
            float[] f = a.toFloatArray();
            for (int i = 0; i < at.length; i++) {
                at[i] = f[i];
            }
            double full = HessianProbe.measure(net, valid, 9).eigenvalue();
            net.arch().setTrainable(true);
            AlphaHessian.Estimate power = RunningStatistics.kept(net.params().buffers(), () -> AlphaHessian
                    .largestEigenvalue(HessianProbe.gradientOf(net, valid, 9), at, dev.naslab.api.base.Rng.derive(9, "t"), 0));
            // On a ReLU network the gradient has kinks wherever an activation changes sign, so the difference
            // quotients are a Hessian smoothed over ±ε, not quite symmetric (here up to 0.008 between H_ij and
            // H_ji against a largest eigenvalue of 0.06): the full path symmetrizes it, Lanczos cannot.
            // The quadratics of AlphaHessianTest check both paths to 1e-3; here they agree to 10 %.
            assertEquals(full, power.eigenvalue(), 0.1 * Math.abs(full), "full " + full + ", power " + power);
        }
    }
}
