package dev.naslab.api.nn;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.base.Rng;

/** ReLU → convolution (no bias) → BatchNorm, the building block of the NAS cell ops. */
public final class ReluConvBn {

    private final Conv2d conv;
    private final BatchNorm2d bn;

    /**
     * ReLU, convolution, BatchNorm (DARTS's ReLUConvBN), registered in {@code ps} under {@code name}.
     *
     * @param ps the parameter store that holds the weights
     * @param name the name its arrays are registered under
     * @param in input channels
     * @param out output channels
     * @param kernel kernel size
     * @param stride stride
     * @param padding zero padding on each side
     * @param affine learn a scale and shift
     * @param rng the seeded generator to draw from
     */
    public ReluConvBn(ParamStore ps, String name, int in, int out, int kernel, int stride, int padding,
            boolean affine, Rng rng) {
        conv = new Conv2d(ps, name + ".conv", in, out, kernel, stride, padding, rng);
        bn = new BatchNorm2d(ps, name + ".bn", out, affine);
    }

    /**
     * {@return the block on {@code x}; {@code training} selects batch statistics}
     *
     * @param x the input batch, N×C×H×W
     * @param training true for batch statistics (training), false for the running statistics
     */
    public NDArray forward(NDArray x, boolean training) {
        return bn.forward(conv.forward(Ops.relu(x)), training);
    }

    /**
     * {@return the same block applied to an input that is already ReLU'd (shared ReLU of a node)}
     *
     * @param reluX the input after ReLU
     * @param training true for batch statistics (training), false for the running statistics
     */
    public NDArray forwardActivated(NDArray reluX, boolean training) {
        return bn.forward(conv.forward(reluX), training);
    }
}
