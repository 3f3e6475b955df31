package dev.naslab.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpsTest {

    /** PC-DARTS's channel_shuffle on hand values: 6 channels holding their own index. */
    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void channelShuffleInterleavesTheGroups(String engine) {
        try (NDManager m = NDManager.newBaseManager(engine)) {
            NDArray x = m.arange(6f).reshape(1, 6, 1, 1);
            assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, Ops.channelShuffle(x, 2).toFloatArray());
            assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5}, Ops.channelShuffle(x, 3).toFloatArray());
            assertArrayEquals(x.toFloatArray(), Ops.channelShuffle(x, 1).toFloatArray());
        }
    }

    /**
     * k = 2 on a 4-channel 2×2 input holding 0..15: the ops see channels 0-1; at stride 2 the bypassed
     * channels 2 and 3 are max-pooled to 11 and 15; the concatenation [100, 200, 11, 15] is shuffled
     * to [100, 11, 200, 15]. At stride 1 the bypass is kept as it is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void partialChannelsSliceBypassConcatenateAndShuffle(String engine) {
        try (NDManager m = NDManager.newBaseManager(engine)) {
            NDArray x = m.arange(16f).reshape(1, 4, 2, 2);
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, Ops.partialChannelInput(x, 2).toFloatArray());
            NDArray reduced = m.create(new float[] {100, 200}).reshape(1, 2, 1, 1);
            NDArray y = Ops.partialChannelOutput(reduced, x, 2);
            assertEquals(new Shape(1, 4, 1, 1), y.getShape());
            assertArrayEquals(new float[] {100, 11, 200, 15}, y.toFloatArray());
            NDArray same = m.full(new Shape(1, 2, 2, 2), -1f);
            assertArrayEquals(new float[] {-1, -1, -1, -1, 8, 9, 10, 11, -1, -1, -1, -1, 12, 13, 14, 15},
                    Ops.partialChannelOutput(same, x, 2).toFloatArray());
        }
    }

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

    /** Same shape and values, a gradient that flows back; on PyTorch the memory is no longer N×C×H×W ordered. */
    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void channelsLastKeepsShapeValuesAndGradients(String engine) throws ReflectiveOperationException {
        try (NDManager m = NDManager.newBaseManager(engine)) {
            NDArray x = m.arange(24f).reshape(2, 3, 2, 2);
            NDArray y = Ops.channelsLast(x);
            assertEquals(x.getShape(), y.getShape());
            assertArrayEquals(x.toFloatArray(), y.toFloatArray());
            assertEquals(7f, y.getFloat(0, 1, 1, 1)); // logical indexing is unchanged
            if (engine.equals("PyTorch")) {
                assertTrue(contiguous(x), "arange is laid out N×C×H×W");
                assertFalse(contiguous(y), "channels last: strides C·H·W, 1, W·C, C");
            }
            y.setRequiresGradient(true);
            NDArray w = m.ones(new Shape(1, 3, 1, 1));
            try (GradientCollector gc = Engine.getEngine(engine).newGradientCollector()) {
                NDArray out = ai.djl.nn.convolutional.Conv2d.conv2d(y, w, null, new Shape(1, 1), new Shape(0, 0),
                        new Shape(1, 1), 1).get(0);
                // a 1×1 convolution with weights 1 sums the three channels: 0+4+8 at (0, ·, 0, 0)
                assertEquals(12f, out.getFloat(0, 0, 0, 0));
                gc.backward(out.sum());
            }
            float[] ones = new float[24];
            java.util.Arrays.fill(ones, 1f);
            assertArrayEquals(ones, y.getGradient().toFloatArray());
            assertTrue(Ops.channelsLast(m.arange(6f).reshape(2, 3)).contentEquals(m.arange(6f).reshape(2, 3)));
            NDArray narrow = Ops.preferredLayout(x, Ops.CHANNELS_LAST_FROM - 1);
            assertTrue(narrow == x, "below CHANNELS_LAST_FROM the input is used as it is");
            if (engine.equals("PyTorch")) {
                assertFalse(contiguous(Ops.preferredLayout(x, Ops.CHANNELS_LAST_FROM)));
            }
            try {
                Ops.setLayout(Ops.Layout.NCHW); // the experiment's layout: nchw
                assertTrue(Ops.preferredLayout(x, 64) == x, "N×C×H×W however wide the network");
                Ops.setLayout(Ops.Layout.CHANNELS_LAST);
                NDArray narrowLast = Ops.preferredLayout(x, 4);
                assertTrue(narrowLast != x, "channels last however narrow");
                if (engine.equals("PyTorch")) {
                    assertFalse(contiguous(narrowLast));
                }
            } finally {
                Ops.setLayout(Ops.Layout.AUTO);
            }
        }
    }

    /** DJL 0.36 does not expose strides; PyTorch's own contiguity flag is read through its JNI binding. */
    private static boolean contiguous(NDArray a) throws ReflectiveOperationException {
        Class<?> lib = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
        java.lang.reflect.Field f = lib.getDeclaredField("LIB");
        f.setAccessible(true);
        java.lang.reflect.Method m = lib.getDeclaredMethod("torchIsContiguous", long.class);
        m.setAccessible(true);
        long handle = (Long) ((ai.djl.util.NativeResource<?>) a).getHandle();
        return (Boolean) m.invoke(f.get(null), handle);
    }

    /** x·w with the gradients of a plain product: ∂/∂x = w·r, ∂/∂w = Σ x·r (values computed here). */
    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void scaleIsAProductWithItsGradients(String engine) {
        try (NDManager m = NDManager.newBaseManager(engine)) {
            int n = 2 * 3 * 4 * 4;
            float[] xs = new float[n];
            float[] rs = new float[n];
            double xr = 0;
            for (int i = 0; i < n; i++) {
                xs[i] = (i % 7) - 3.25f;
                rs[i] = ((i * 5) % 11) / 4f;
                xr += xs[i] * rs[i];
            }
            NDArray x = m.create(xs, new Shape(2, 3, 4, 4));
            NDArray r = m.create(rs, new Shape(2, 3, 4, 4));
            NDArray alpha = m.create(new float[] {0.5f, -0.75f});
            x.setRequiresGradient(true);
            alpha.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = Engine.getEngine(engine).newGradientCollector()) {
                y = Ops.scale(x, alpha.get(1));
                gc.backward(y.mul(r).sum());
            }
            float[] ys = y.toFloatArray();
            float[] gx = x.getGradient().toFloatArray();
            for (int i = 0; i < n; i++) {
                assertEquals(-0.75f * xs[i], ys[i], 1e-6f, "value " + i);
                assertEquals(-0.75f * rs[i], gx[i], 1e-6f, "x gradient " + i);
            }
            float[] ga = alpha.getGradient().toFloatArray();
            assertEquals(0f, ga[0]);
            assertEquals(xr, ga[1], 1e-5 * Math.abs(xr));
        }
    }

    /** The sum of the terms; each term's gradient is the output's. */
    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void sumAddsTheTermsAndPassesTheGradientToEach(String engine) {
        try (NDManager m = NDManager.newBaseManager(engine)) {
            NDArray a = m.arange(4f).reshape(1, 1, 2, 2);
            NDArray b = a.mul(10);
            NDArray c = a.mul(100);
            for (NDArray t : new NDArray[] {a, b, c}) {
                t.setRequiresGradient(true);
            }
            NDArray r = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            NDArray s;
            try (GradientCollector gc = Engine.getEngine(engine).newGradientCollector()) {
                s = Ops.sum(new NDList(a, b, c));
                gc.backward(s.mul(r).sum());
            }
            assertArrayEquals(new float[] {0, 111, 222, 333}, s.toFloatArray());
            for (NDArray t : new NDArray[] {a, b, c}) {
                assertArrayEquals(new float[] {1, 2, 3, 4}, t.getGradient().toFloatArray());
            }
            assertTrue(Ops.sum(new NDList(a)) == a);
        }
    }
}
