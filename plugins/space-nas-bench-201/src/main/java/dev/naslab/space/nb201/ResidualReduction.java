package dev.naslab.space.nb201;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.nn.Conv2d;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.nn.ReluConvBn;
import dev.naslab.api.base.Rng;

/**
 * The stride-2 residual block between stages: branch ReLU-conv3×3(s2)-BN → ReLU-conv3×3-BN,
 * shortcut 2×2 average pool → conv1×1 (no BN); output = shortcut + branch. BN is affine.
 */
final class ResidualReduction {

    private final ReluConvBn a;
    private final ReluConvBn b;
    private final Conv2d shortcut;

    ResidualReduction(ParamStore ps, String name, int in, int out, Rng rng) {
        a = new ReluConvBn(ps, name + ".a", in, out, 3, 2, 1, true, rng);
        b = new ReluConvBn(ps, name + ".b", out, out, 3, 1, 1, true, rng);
        shortcut = new Conv2d(ps, name + ".shortcut", in, out, 1, 1, 0, rng);
    }

    NDArray forward(NDArray x, boolean training) {
        NDArray branch = b.forward(a.forward(x, training), training);
        return shortcut.forward(Ops.avgPool2x2(x)).add(branch);
    }
}
