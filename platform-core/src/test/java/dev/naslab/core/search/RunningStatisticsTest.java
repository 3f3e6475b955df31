package dev.naslab.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.nn.BatchNorm2d;
import dev.naslab.api.nn.ParamStore;
import org.junit.jupiter.api.Test;

class RunningStatisticsTest {

    @Test
    void aBatchStatisticsPassLeavesTheRunningStatisticsAsTheyWere() {
        try (NDManager m = NDManager.newBaseManager(); ParamStore ps = new ParamStore(m)) {
            BatchNorm2d bn = new BatchNorm2d(ps, "bn", 2, false);
            NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(2, 2, 1, 2));
            bn.forward(x, true).close(); // a training step: running ← 0.9·running + 0.1·batch
            float[] trained = ps.buffers().get("bn.running_mean").toFloatArray();
            // channel 0 holds 1, 2, 5, 6 (mean 3.5), channel 1 holds 3, 4, 7, 8 (mean 5.5)
            assertArrayEquals(new float[] {0.35f, 0.55f}, trained, 1e-6f);

            float checked = RunningStatistics.kept(ps.buffers(), () -> {
                try (NDArray y = bn.forward(x.mul(10), true)) {
                    return y.sum().getFloat();
                }
            });
            assertEquals(0f, checked, 1e-4f, "the pass normalised with its own batch's statistics");
            assertArrayEquals(trained, ps.buffers().get("bn.running_mean").toFloatArray(), 0f);

            bn.forward(x.mul(10), true).close(); // without kept() the same pass moves them
            assertArrayEquals(new float[] {0.35f * 0.9f + 3.5f, 0.55f * 0.9f + 5.5f},
                    ps.buffers().get("bn.running_mean").toFloatArray(), 1e-5f);
        }
    }
}
