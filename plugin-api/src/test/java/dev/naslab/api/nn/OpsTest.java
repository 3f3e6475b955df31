package dev.naslab.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpsTest {

    /** Pieces in order with their values, and each piece's gradient back in its place (hand values). */
    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void splitCutsInOrderAndSendsGradientsBack(String engine) {
        try (NDManager m = NDManager.newBaseManager(engine)) {
            NDArray x = m.arange(12f).reshape(1, 6, 2, 1);
            x.setRequiresGradient(true);
            NDList parts;
            try (GradientCollector gc = Engine.getEngine(engine).newGradientCollector()) {
                parts = Ops.split(x, 3, 1);
                // piece k weighted by k + 1: the gradient of x is 1 on channels 0-1, 2 on 2-3, 3 on 4-5
                NDArray loss = parts.get(0).sum().add(parts.get(1).sum().mul(2)).add(parts.get(2).sum().mul(3));
                gc.backward(loss);
            }
            assertEquals(3, parts.size());
            assertEquals(new Shape(1, 2, 2, 1), parts.get(1).getShape());
            assertArrayEquals(new float[] {4, 5, 6, 7}, parts.get(1).toFloatArray());
            assertArrayEquals(new float[] {8, 9, 10, 11}, parts.get(2).toFloatArray());
            assertArrayEquals(new float[] {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}, x.getGradient().toFloatArray());
            assertEquals(1, Ops.split(x, 1, 1).size());
        }
    }
}
