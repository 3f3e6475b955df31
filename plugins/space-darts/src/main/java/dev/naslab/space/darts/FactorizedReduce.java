package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.nn.BatchNorm2d;
import dev.naslab.api.nn.Conv2d;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;

/**
 * Halves the resolution without losing pixels: ReLU, then two 1×1 stride-2 convolutions of
 * C_out/2 channels each, the second on the input shifted by one pixel ({@code x[:, :, 1:, 1:]}),
 * concatenated on channels → BatchNorm. Used for {@code skip_connect} at stride 2 and for a cell's
 * first input after a reduction. The ReLU is the caller's.
 *
 * <p>{@code copies} independent reductions of the same input (the stride-2 skips of the edges
 * leaving one node) run as one: each convolution has copies·C_out/2 output channels, and the
 * result holds the copies side by side, each [conv_1 | conv_2] as in a single reduction.
 */
final class FactorizedReduce {

    private final int copies;
    private final int half;
    private final Conv2d a;
    private final Conv2d b;
    private final BatchNorm2d bn;

    FactorizedReduce(ParamStore ps, String name, int in, int out, int copies, boolean affine, Rng rng) {
        if (out % 2 != 0) {
            throw new IllegalArgumentException("factorized reduce needs an even channel count, got " + out);
        }
        this.copies = copies;
        this.half = out / 2;
        a = new Conv2d(ps, name + ".conv_1", in, copies * half, 1, 2, 0, rng);
        b = new Conv2d(ps, name + ".conv_2", in, copies * half, 1, 2, 0, rng);
        bn = new BatchNorm2d(ps, name + ".bn", copies * out, affine);
    }

    NDArray forwardActivated(NDArray reluX, boolean training) {
        NDArray shifted = reluX.get(":, :, 1:, 1:");
        NDArray ya = a.forward(reluX);
        NDArray yb = b.forward(shifted);
        NDArray joined;
        if (copies == 1) {
            joined = NDArrays.concat(new NDList(ya, yb), 1);
        } else {
            Shape s = ya.getShape();
            Shape split = new Shape(s.get(0), copies, half, s.get(2), s.get(3));
            joined = NDArrays.concat(new NDList(ya.reshape(split), yb.reshape(split)), 2)
                    .reshape(s.get(0), copies * 2L * half, s.get(2), s.get(3));
        }
        return bn.forward(joined, training);
    }
}
