package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.naslab.api.nn.BatchNorm2d;
import dev.naslab.api.nn.Conv2d;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.train.Rng;

/**
 * Halves the resolution without losing pixels: ReLU, then two 1×1 stride-2 convolutions of
 * C_out/2 channels each, the second on the input shifted by one pixel ({@code x[:, :, 1:, 1:]}),
 * concatenated on channels → BatchNorm. Used for {@code skip_connect} at stride 2 and for a cell's
 * first input after a reduction. The ReLU is the caller's.
 */
final class FactorizedReduce {

    private final Conv2d a;
    private final Conv2d b;
    private final BatchNorm2d bn;

    FactorizedReduce(ParamStore ps, String name, int in, int out, boolean affine, Rng rng) {
        if (out % 2 != 0) {
            throw new IllegalArgumentException("factorized reduce needs an even channel count, got " + out);
        }
        a = new Conv2d(ps, name + ".conv_1", in, out / 2, 1, 2, 0, rng);
        b = new Conv2d(ps, name + ".conv_2", in, out / 2, 1, 2, 0, rng);
        bn = new BatchNorm2d(ps, name + ".bn", out, affine);
    }

    NDArray forwardActivated(NDArray reluX, boolean training) {
        NDArray shifted = reluX.get(":, :, 1:, 1:");
        return bn.forward(NDArrays.concat(new NDList(a.forward(reluX), b.forward(shifted)), 1), training);
    }
}
