package dev.naslab.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.naslab.api.base.Rng;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MixingWeightsTest {

    @Test
    void weightsAreNumbersOnlyWhileAlphaDoesNotTrain() {
        try (NDManager m = NDManager.newBaseManager(); NDManager pass = m.newSubManager()) {
            ArchState arch = new ArchState(List.of(ArchStateTest.CELL), m, new Rng(1), 0f);
            assertNull(arch.mixingWeights(pass).constants("cell"), "α trains: the weights need gradients");
            arch.setTrainable(false);
            float third = 1f / 3f;
            float[][] v = arch.mixingWeights(pass).constants("cell");
            assertNotNull(v);
            assertArrayEquals(new float[] {third, third, third}, v[1], 1e-6f);
            arch.setTrainable(true);
            assertNull(arch.mixingWeights(pass).constants("cell"));
        }
    }

    /**
     * A weight used as a number must still be there when the backward pass reads it. DJL 0.36's
     * {@code mul(Number)} on PyTorch releases the number's memory as soon as the multiply returns;
     * autograd keeps a pointer to it for the gradient. Between forward and backward this test lets
     * the garbage collector free such memory and fills fresh native memory with NaN, as a long run
     * would; the gradient must still be the weight.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void aConstantWeightOutlivesTheForwardPass(String engine) throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager(engine); NDManager pass = m.newSubManager()) {
            ArchState arch = new ArchState(List.of(ArchStateTest.CELL), m, new Rng(1), 0f);
            arch.setTrainable(false);
            MixingWeights w = arch.mixingWeights(pass);
            NDArray x = pass.ones(new Shape(2, 3));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getEngine(engine).newGradientCollector()) {
                NDArray y = w.weigh("cell", 1, 2, x);
                churnNativeMemory();
                gc.backward(y.sum());
            }
            float third = 1f / 3f;
            assertArrayEquals(new float[] {third, third, third, third, third, third}, x.getGradient().toFloatArray(),
                    1e-6f);
        }
    }

    private static void churnNativeMemory() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(50); // lets the cleaner release unreachable direct buffers
            List<ByteBuffer> fill = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4);
                b.putFloat(0, Float.NaN);
                fill.add(b);
            }
        }
    }
}
