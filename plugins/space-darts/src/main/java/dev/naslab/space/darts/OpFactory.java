package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;

/**
 * Builds the parametric ops of the DARTS space (convolutions and the stride-2 skip) and applies
 * the parameter-free ones. Ops whose first step is a ReLU take the ReLU'd input, which a node
 * computes once for all its outgoing edges.
 */
final class OpFactory {

    private OpFactory() {
    }

    /** An op that starts from ReLU(x). */
    interface Activated {
        NDArray apply(NDArray reluX, boolean training);
    }

    /**
     * An op that ends in a non-affine BatchNorm, which can multiply each output channel by a
     * scale (a search cell's mixing weights) in the same kernel.
     */
    interface Scalable extends Activated {
        NDArray apply(NDArray reluX, boolean training, NDArray scale);
    }

    /** Whether {@code op} is a convolution whose stacked copies take a tiled input. */
    static boolean isConvolution(String op) {
        return op.startsWith("sep_conv") || op.startsWith("dil_conv");
    }

    /** The parametric op {@code op} on C channels, or null for parameter-free ops. */
    static Activated build(ParamStore ps, String name, String op, int c, int stride, boolean affine, Rng rng) {
        return build(ps, name, op, c, 1, stride, affine, rng);
    }

    /**
     * {@code copies} parametric ops {@code op} on C channels run as one (see {@link DilConv}); the
     * convolutions take the ReLU'd input tiled {@code copies} times on the channel axis, the
     * factorized reduce takes it once. Null for parameter-free ops.
     */
    static Activated build(ParamStore ps, String name, String op, int c, int copies, int stride, boolean affine,
            Rng rng) {
        String n = name + "." + op;
        return switch (op) {
            case "sep_conv_3x3" -> new SepConv(ps, n, c, copies, 3, stride, affine, rng);
            case "sep_conv_5x5" -> new SepConv(ps, n, c, copies, 5, stride, affine, rng);
            case "dil_conv_3x3" -> new DilConv(ps, n, c, copies, 3, stride, 2, 2, affine, rng);
            case "dil_conv_5x5" -> new DilConv(ps, n, c, copies, 5, stride, 4, 2, affine, rng);
            case "skip_connect" -> stride == 2
                    ? new FactorizedReduce(ps, n, c, c, copies, affine, rng)::forwardActivated : null;
            case "none", "noise", "max_pool_3x3", "avg_pool_3x3" -> null;
            default -> throw new IllegalArgumentException("unknown op '" + op + "'; ops: " + String.join(", ", OpSets.ALL));
        };
    }

    /** 3×3 max pooling, padding 1 (padding never wins the max). */
    static NDArray maxPool(NDArray x, int stride) {
        return Pool.maxPool2d(x, new Shape(3, 3), new Shape(stride, stride), new Shape(1, 1), false);
    }

    /** 3×3 average pooling, padding 1, padding excluded from the divisor. */
    static NDArray avgPool(NDArray x, int stride, ParamStore ps) {
        return Ops.avgPool3x3(x, stride, ps);
    }

    /** The output shape of a stride-{@code stride} op on {@code x}: every stride-th row and column. */
    static Shape strided(NDArray x, int stride) {
        Shape s = x.getShape();
        return stride == 1 ? s : new Shape(s.get(0), s.get(1), (s.get(2) + 1) / 2, (s.get(3) + 1) / 2);
    }

    /**
     * The RobustDARTS S4 {@code noise} op: standard normal values of the (strided) input's shape,
     * ignoring the input. Drawn by the engine in the pass's manager; the network reseeds the engine
     * from its seeded generator before each pass, so runs and resumed runs draw the same values.
     */
    static NDArray noise(NDArray x, int stride) {
        NDManager m = x.getManager();
        return m.randomNormal(strided(x, stride));
    }

    /** Noise for {@code copies} edges at once, shaped N × copies × C × H × W. */
    static NDArray noise(NDArray x, int stride, int copies) {
        Shape s = strided(x, stride);
        return x.getManager().randomNormal(new Shape(s.get(0), copies, s.get(1), s.get(2), s.get(3)));
    }

    /** Zeros of the (strided) input's shape: what {@code none} contributes. */
    static NDArray zeros(NDArray x, int stride) {
        return x.getManager().zeros(strided(x, stride));
    }
}
