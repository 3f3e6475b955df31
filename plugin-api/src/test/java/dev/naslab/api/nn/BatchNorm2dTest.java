package dev.naslab.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.base.Rng;
import org.junit.jupiter.api.Test;

class BatchNorm2dTest {

    @Test
    void runningStatisticsUsePyTorchMomentum() {
        try (NDManager m = NDManager.newBaseManager()) {
            ParamStore ps = new ParamStore(m);
            BatchNorm2d bn = new BatchNorm2d(ps, "bn", 1, false);
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 1, 1, 2));
            NDArray y = bn.forward(x, true);
            float s = (float) Math.sqrt(1.25 + 1e-5);
            assertArrayEquals(new float[] {-1.5f / s, -0.5f / s, 0.5f / s, 1.5f / s}, y.toFloatArray(), 1e-5f);
            // running ← 0.9·running + 0.1·batch (unbiased variance 5/3)
            assertEquals(0.25f, ps.buffers().get("bn.running_mean").getFloat(0), 1e-6f);
            assertEquals(0.9f + 0.1f * 5f / 3f, ps.buffers().get("bn.running_var").getFloat(0), 1e-5f);
            assertEquals(0, ps.count(), "affine=false has no trainable weights");
        }
    }

    /**
     * Hand-computed values on both engines: DJL 0.36's PyTorch pooling counts the padding (naslab
     * rescales the border), its MXNet pooling already excludes it (rescaling again gave 6.75 for
     * the corner of 1..9 instead of 3).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"PyTorch", "MXNet"})
    void avgPoolExcludesPaddingFromTheDivisor(String engine) {
        assertEquals(engine.equals("PyTorch"), Ops.poolIncludesPadding(ai.djl.engine.Engine.getEngine(engine)));
        try (NDManager m = NDManager.newBaseManager(engine)) {
            ParamStore ps = new ParamStore(m);
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            // every 3×3 window covers all four pixels: mean 2.5 everywhere
            assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f}, Ops.avgPool3x3(x, 1, ps).toFloatArray(), 1e-6f);
            // 3×3 input: corner window sees 4 pixels, edge 6, centre 9
            NDArray y = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new Shape(1, 1, 3, 3));
            float[] got = Ops.avgPool3x3(y, 1, ps).toFloatArray();
            assertEquals((1 + 2 + 4 + 5) / 4f, got[0], 1e-5f);
            assertEquals((1 + 2 + 3 + 4 + 5 + 6) / 6f, got[1], 1e-5f);
            assertEquals(5f, got[4], 1e-5f);
            // stride 2 on 3×3: outputs at (0,0), (0,2), (2,0), (2,2) are corners
            float[] s2 = Ops.avgPool3x3(y, 2, ps).toFloatArray();
            assertArrayEquals(new float[] {3f, 4f, 6f, 7f}, s2, 1e-5f);
        }
    }

    /**
     * A scale in γ's place: out = scale[c]·x̂ and d loss / d scale[c] = Σ x̂ · upstream (hand
     * values on both engines; DJL passes fix_gamma=false to MXNet only when a γ is given).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"PyTorch", "MXNet"})
    void aScaleReplacesGammaWithItsGradient(String engine) {
        ai.djl.engine.Engine e = ai.djl.engine.Engine.getEngine(engine);
        try (NDManager m = NDManager.newBaseManager(engine)) {
            ParamStore ps = new ParamStore(m);
            BatchNorm2d bn = new BatchNorm2d(ps, "bn", 2, false);
            // channel 0: 1,2,3,4 (mean 2.5, variance 1.25); channel 1: 0,0,2,2 (mean 1, variance 1)
            NDArray x = m.create(new float[] {1, 2, 0, 0, 3, 4, 2, 2}, new Shape(2, 2, 1, 2));
            NDArray scale = m.create(new float[] {0.5f, 2f});
            scale.setRequiresGradient(true);
            float[] y;
            try (ai.djl.training.GradientCollector gc = e.newGradientCollector()) {
                NDArray out = bn.forward(x, true, scale);
                y = out.toFloatArray();
                // upstream gradient = the input itself: d/dscale[c] = Σ x̂·x over the channel
                gc.backward(out.mul(x).sum());
            }
            float s0 = (float) Math.sqrt(1.25 + 1e-5);
            float s1 = (float) Math.sqrt(1 + 1e-5);
            assertArrayEquals(new float[] {0.5f * -1.5f / s0, 0.5f * -0.5f / s0, 2 * -1 / s1, 2 * -1 / s1,
                0.5f * 0.5f / s0, 0.5f * 1.5f / s0, 2 * 1 / s1, 2 * 1 / s1}, y, 1e-5f);
            float g0 = (-1.5f * 1 - 0.5f * 2 + 0.5f * 3 + 1.5f * 4) / s0;
            float g1 = (-1 * 0 - 1 * 0 + 1 * 2 + 1 * 2) / s1;
            assertArrayEquals(new float[] {g0, g1}, scale.getGradient().toFloatArray(), 1e-4f);
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> new BatchNorm2d(ps, "affine", 2, true).forward(x, true, scale));
        }
    }

    @Test
    void convParameterCountMatchesItsShape() {
        try (NDManager m = NDManager.newBaseManager()) {
            ParamStore ps = new ParamStore(m);
            new Conv2d(ps, "c", 16, 32, 3, 1, 1, new Rng(0));
            new Linear(ps, "fc", 64, 10, new Rng(0));
            assertEquals(16 * 32 * 9 + 64 * 10 + 10, ps.count());
        }
    }
}
