package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import dev.naslab.api.nn.BatchNorm2d;
import dev.naslab.api.nn.Conv2d;
import dev.naslab.api.nn.Linear;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;

/**
 * DARTS's auxiliary classifier for CIFAR (training only), on the output of cell ⌊2L/3⌋: ReLU →
 * 5×5 average pooling with stride 3, no padding → 1×1 conv to 128 → BN → ReLU → 2×2 conv to 768 →
 * BN → ReLU → linear. On the 8×8 map of 32×32 inputs this is the reference exactly (2×2 after
 * pooling, 1×1 after the 2×2 conv). Smaller maps (7×7 from 28×28 inputs) pool to 1×1, so the
 * second convolution's kernel shrinks to the pooled size; larger ones are averaged to 1×1 before the
 * linear layer. Both are naslab's adaptations for non-CIFAR sizes.
 */
final class AuxiliaryHead {

    private final int pool;
    private final Conv2d reduce;
    private final BatchNorm2d bn1;
    private final Conv2d expand;
    private final BatchNorm2d bn2;
    private final Linear classifier;

    AuxiliaryHead(ParamStore ps, int channels, int mapSize, int classes, Rng rng) {
        pool = Math.min(5, mapSize);
        int pooled = (mapSize - pool) / 3 + 1;
        reduce = new Conv2d(ps, "auxiliary.conv1", channels, 128, 1, 1, 0, rng);
        bn1 = new BatchNorm2d(ps, "auxiliary.bn1", 128, true);
        expand = new Conv2d(ps, "auxiliary.conv2", 128, 768, Math.min(2, pooled), 1, 0, rng);
        bn2 = new BatchNorm2d(ps, "auxiliary.bn2", 768, true);
        classifier = new Linear(ps, "auxiliary.classifier", 768, classes, rng);
    }

    NDArray forward(NDArray x) {
        NDArray h = Pool.avgPool2d(Ops.relu(x), new Shape(pool, pool), new Shape(3, 3), new Shape(0, 0), false, false);
        h = Ops.relu(bn1.forward(reduce.forward(h), true));
        h = Ops.relu(bn2.forward(expand.forward(h), true));
        return classifier.forward(Ops.globalAvgPool(h));
    }
}
