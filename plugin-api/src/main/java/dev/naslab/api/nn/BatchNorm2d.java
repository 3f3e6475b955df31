package dev.naslab.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Batch normalisation over the channel axis with running statistics (PyTorch defaults: eps 1e-5,
 * running ← 0.9·running + 0.1·batch). {@code affine=false} has no γ/β, as in search cells.
 */
public final class BatchNorm2d {

    /** DJL's momentum is the weight of the old running value: 0.9 here is PyTorch's 0.1. */
    static final float DJL_MOMENTUM = 0.9f;
    static final float EPS = 1e-5f;

    private final NDArray mean;
    private final NDArray var;
    private final NDArray gamma;
    private final NDArray beta;
    private final boolean affine;

    /**
     * Registers the layer's statistics (and, when {@code affine}, its scale and shift) in {@code ps} under {@code name}.
     *
     * @param ps the parameter store that holds the weights
     * @param name the name its arrays are registered under
     * @param channels channels
     * @param affine learn a scale and shift
     */
    public BatchNorm2d(ParamStore ps, String name, int channels, boolean affine) {
        this.affine = affine;
        mean = ps.buffer(name + ".running_mean", new Shape(channels), 0f);
        var = ps.buffer(name + ".running_var", new Shape(channels), 1f);
        if (affine) {
            float[] ones = new float[channels];
            java.util.Arrays.fill(ones, 1f);
            gamma = ps.weight(name + ".weight", new Shape(channels), ones);
            beta = ps.weight(name + ".bias", new Shape(channels), new float[channels]);
        } else {
            gamma = ps.constant(1f, channels);
            beta = ps.constant(0f, channels);
        }
    }

    /**
     * Normalises with batch statistics when {@code training}, else with the running ones.
     *
     * @param x the input batch, N×C×H×W
     * @param training true for batch statistics (training), false for the running statistics
     * @return the normalised maps
     */
    public NDArray forward(NDArray x, boolean training) {
        NetworkProbe probe = NetworkProbe.current();
        if (probe != null && probe.bypassNormalisation()) {
            return x;
        }
        return ai.djl.nn.norm.BatchNorm.batchNorm(x, mean, var, gamma, beta, 1, DJL_MOMENTUM, EPS, training)
                .singletonOrThrow();
    }

    /**
     * Normalises like {@link #forward(NDArray, boolean)} and multiplies channel {@code c} by
     * {@code scale[c]}, in the place of the γ a non-affine layer does not have: a supernet's mixing
     * weights folded into the normalisation that ends an op, so one fused kernel (and its gradient,
     * which includes the scale's) replaces a separate multiply and its gradient. The running
     * statistics are those of the unscaled normalisation.
     *
     * @param x the input batch, N×C×H×W
     * @param training true for batch statistics (training), false for the running statistics
     * @param scale one factor per channel, shape C (it may require a gradient)
     * @return the normalised, scaled maps
     * @throws IllegalStateException for an affine layer, whose γ is already there
     * @since 0.2.1
     */
    public NDArray forward(NDArray x, boolean training, NDArray scale) {
        if (affine) {
            throw new IllegalStateException("a scale replaces γ; this layer is affine and has its own");
        }
        NetworkProbe probe = NetworkProbe.current();
        if (probe != null && probe.bypassNormalisation()) {
            return x.mul(scale.reshape(1, -1, 1, 1));
        }
        return ai.djl.nn.norm.BatchNorm.batchNorm(x, mean, var, scale, beta, 1, DJL_MOMENTUM, EPS, training)
                .singletonOrThrow();
    }
}
