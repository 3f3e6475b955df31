package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;

/**
 * The DARTS {@code sep_conv} op: two [ReLU → depthwise k×k → pointwise 1×1 → BN] blocks, the
 * first carrying the stride. The first ReLU is the caller's. {@code copies} as in {@link DilConv}.
 */
final class SepConv implements OpFactory.Scalable {

    private final DilConv first;
    private final DilConv second;

    SepConv(ParamStore ps, String name, int c, int copies, int kernel, int stride, boolean affine, Rng rng) {
        first = new DilConv(ps, name + ".0", c, copies, kernel, stride, kernel / 2, 1, affine, rng);
        second = new DilConv(ps, name + ".1", c, copies, kernel, 1, kernel / 2, 1, affine, rng);
    }

    NDArray forwardActivated(NDArray reluX, boolean training) {
        return second.forwardActivated(Ops.relu(first.forwardActivated(reluX, training)), training);
    }

    @Override
    public NDArray apply(NDArray reluX, boolean training) {
        return forwardActivated(reluX, training);
    }

    @Override
    public NDArray apply(NDArray reluX, boolean training, NDArray scale) {
        return second.apply(Ops.relu(first.forwardActivated(reluX, training)), training, scale);
    }
}
