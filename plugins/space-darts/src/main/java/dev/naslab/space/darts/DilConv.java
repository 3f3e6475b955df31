package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.nn.BatchNorm2d;
import dev.naslab.api.nn.Conv2d;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;

/**
 * ReLU → depthwise k×k convolution (stride, padding, dilation) → pointwise 1×1 → BatchNorm:
 * the DARTS {@code dil_conv} op with dilation 2, and each of the two halves of {@code sep_conv}
 * with dilation 1. The leading ReLU is applied by the caller ({@link #forwardActivated}), so a
 * node's outgoing edges can share it.
 *
 * <p>{@code copies} independent ops (one per edge leaving a node) run as one: the input holds the
 * copies side by side on the channel axis (copy-major), the depthwise convolution has one group
 * per channel, the pointwise convolution one group per copy, and BatchNorm is per channel, so each
 * copy computes exactly its own op with its own weights.
 */
final class DilConv implements OpFactory.Scalable {

    private final Conv2d depthwise;
    private final Conv2d pointwise;
    private final BatchNorm2d bn;

    DilConv(ParamStore ps, String name, int c, int copies, int kernel, int stride, int padding, int dilation,
            boolean affine, Rng rng) {
        int all = copies * c;
        depthwise = new Conv2d(ps, name + ".depthwise", all, all, kernel, stride, padding, dilation, all, false, rng);
        pointwise = new Conv2d(ps, name + ".pointwise", all, all, 1, 1, 0, 1, copies, false, rng);
        bn = new BatchNorm2d(ps, name + ".bn", all, affine);
    }

    NDArray forwardActivated(NDArray reluX, boolean training) {
        return bn.forward(pointwise.forward(depthwise.forward(reluX)), training);
    }

    @Override
    public NDArray apply(NDArray reluX, boolean training) {
        return forwardActivated(reluX, training);
    }

    @Override
    public NDArray apply(NDArray reluX, boolean training, NDArray scale) {
        return bn.forward(pointwise.forward(depthwise.forward(reluX)), training, scale);
    }
}
