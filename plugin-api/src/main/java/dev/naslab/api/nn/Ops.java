package dev.naslab.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.PairList;

/** Parameter-free operations used by the cell ops, with the reference's exact settings. */
public final class Ops {

    private Ops() {
    }

    /**
     * max(x, 0), element-wise.
     *
     * @param x the input batch, N×C×H×W
     * @return max(x, 0), element-wise
     */
    public static NDArray relu(NDArray x) {
        return Activation.relu(x);
    }

    /**
     * 3×3 average pooling, padding 1, padding excluded from the divisor
     * ({@code count_include_pad=False}). Engines disagree on DJL 0.36's flag: PyTorch divides by 9
     * at the borders whatever it says, MXNet already excludes the padding. {@link #poolIncludesPadding}
     * finds out once per engine, and only an engine that counts the padding gets its border
     * rescaled by 9/(pixels inside the window), a constant per size cached in {@code ps}.
     *
     * @param x the input batch, N×C×H×W
     * @param stride stride
     * @param ps the parameter store that holds the weights
     * @return the pooled maps
     */
    public static NDArray avgPool3x3(NDArray x, int stride, ParamStore ps) {
        NDArray pooled = Pool.avgPool2d(x, new Shape(3, 3), new Shape(stride, stride), new Shape(1, 1), false, false);
        if (!poolIncludesPadding(x.getManager().getEngine())) {
            return pooled;
        }
        long oh = pooled.getShape().get(2);
        long ow = pooled.getShape().get(3);
        int h = (int) x.getShape().get(2);
        int w = (int) x.getShape().get(3);
        NDArray scale = ps.constant("avgpool3/" + h + "x" + w + "/" + stride,
                m -> m.create(borderScale(h, w, (int) oh, (int) ow, stride), new Shape(1, 1, oh, ow)));
        return pooled.mul(scale);
    }

    private static final java.util.Map<String, Boolean> INCLUDES_PADDING = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether {@code engine}'s padded average pooling divides border windows by the full window
     * size although padding is to be excluded: pools a 3×3 map of ones and looks at the corner
     * (1 if padding is excluded, 4/9 if it is counted). PyTorch (DJL 0.36): counted; MXNet: excluded.
     *
     * @param engine the engine to probe
     * @return whether {@code engine}'s padded average pooling divides border windows by the full window size although padding is to be excluded: pools a 3×3 map of ones and looks at the corner (1 if padding is excluded, 4/9 if it is counted)
     */
    public static boolean poolIncludesPadding(ai.djl.engine.Engine engine) {
        return INCLUDES_PADDING.computeIfAbsent(engine.getEngineName(), name -> {
            try (ai.djl.ndarray.NDManager m = engine.newBaseManager()) {
                NDArray ones = m.ones(new Shape(1, 1, 3, 3));
                NDArray p = Pool.avgPool2d(ones, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false, false);
                return p.toFloatArray()[0] < 0.9f;
            }
        });
    }

    static float[] borderScale(int h, int w, int oh, int ow, int stride) {
        float[] out = new float[oh * ow];
        for (int i = 0; i < oh; i++) {
            int rows = Math.min(h - 1, i * stride + 1) - Math.max(0, i * stride - 1) + 1;
            for (int j = 0; j < ow; j++) {
                int cols = Math.min(w - 1, j * stride + 1) - Math.max(0, j * stride - 1) + 1;
                out[i * ow + j] = 9f / (rows * cols);
            }
        }
        return out;
    }

    /**
     * {@code x} cut into {@code parts} equal pieces along {@code axis}, as {@link NDArray#split(long, int)}.
     * On MXNet this runs MXNet's own {@code SliceChannel} operator instead of the NumPy-style
     * {@code _split_v2} DJL uses, which MXNet 1.9 runs at half the speed forward and backward
     * (measured: 46 ms against 23 ms for cutting a 64×48×32×32 array in three, adding the pieces and
     * back-propagating). Same values, same gradients ({@code OpsTest}).
     *
     * @param x the array
     * @param parts how many equal pieces
     * @param axis the axis to cut
     * @return the pieces, in order
     * @since 0.2.1
     */
    public static NDList split(NDArray x, int parts, int axis) {
        if (parts == 1) {
            return new NDList(x);
        }
        if ("MXNet".equals(x.getManager().getEngine().getEngineName())) {
            PairList<String, Object> params = new PairList<>();
            params.add("num_outputs", parts);
            params.add("axis", axis);
            return x.getManager().invoke("SliceChannel", new NDList(x), params);
        }
        return x.split(parts, axis);
    }

    /**
     * 2×2 average pooling with stride 2 (the residual block's shortcut).
     *
     * @param x the input batch, N×C×H×W
     * @return the pooled maps, half the size
     */
    public static NDArray avgPool2x2(NDArray x) {
        return Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, false);
    }

    /**
     * Global average pooling to N×C.
     *
     * @param x the input batch, N×C×H×W
     * @return the pooled features, N×C
     */
    public static NDArray globalAvgPool(NDArray x) {
        NDArray p = Pool.globalAvgPool2d(x);
        long n = x.getShape().get(0);
        long c = x.getShape().get(1);
        return p.getShape().dimension() == 2 ? p : p.reshape(n, c);
    }
}
