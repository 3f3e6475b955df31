package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.nn.BatchNorm2d;
import dev.naslab.api.nn.Conv2d;
import dev.naslab.api.nn.Linear;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The macro skeleton shared by the supernet and the discrete network: a stem (3×3 convolution to
 * 3C channels, affine BN, no ReLU) feeding both inputs of the first cell, L cells with reductions at
 * ⌊L/3⌋ and ⌊2L/3⌋ doubling the channels, then global average pooling and a linear classifier.
 */
final class Macro {

    /**
     * Channel bookkeeping of one cell.
     *
     * @param index         position
     * @param prevPrev      channels of input s0 (output of cell k−2)
     * @param prev          channels of input s1 (output of cell k−1)
     * @param channels      C of this cell's ops (its output has 4C)
     * @param reduction     whether this cell halves the resolution
     * @param reductionPrev whether the previous cell did (s0 then needs a factorized reduce)
     */
    record CellPlan(int index, int prevPrev, int prev, int channels, boolean reduction, boolean reductionPrev) {
    }

    private final Conv2d stem;
    private final BatchNorm2d stemBn;
    private final Linear classifier;
    private final List<CellPlan> plans = new ArrayList<>();
    private final List<Integer> outChannels = new ArrayList<>();
    /** C of the first cells, the fewest channels of any layer: it decides the input's memory layout. */
    private final int narrowest;

    Macro(ParamStore ps, int inChannels, int c, int layers, int classes, Rng rng) {
        this(ps, inChannels, c, layers, classes, DartsCell.STEPS, DartsCell.STEPS, rng);
    }

    /**
     * @param normalOutputs intermediate nodes a normal cell concatenates (4 unless its architecture leaves
     *                      some out, see {@link EvalCell#outputNodes})
     * @param reduceOutputs the same for reduction cells
     */
    Macro(ParamStore ps, int inChannels, int c, int layers, int classes, int normalOutputs, int reduceOutputs,
            Rng rng) {
        this.narrowest = c;
        int stemChannels = 3 * c;
        stem = new Conv2d(ps, "stem.conv", inChannels, stemChannels, 3, 1, 1, rng);
        stemBn = new BatchNorm2d(ps, "stem.bn", stemChannels, true);
        int prevPrev = stemChannels;
        int prev = stemChannels;
        int cur = c;
        boolean reductionPrev = false;
        for (int k = 0; k < layers; k++) {
            boolean reduction = DartsCell.isReduction(k, layers);
            if (reduction) {
                cur *= 2;
            }
            plans.add(new CellPlan(k, prevPrev, prev, cur, reduction, reductionPrev));
            reductionPrev = reduction;
            prevPrev = prev;
            prev = (reduction ? reduceOutputs : normalOutputs) * cur;
            outChannels.add(prev);
        }
        classifier = new Linear(ps, "classifier", prev, classes, rng);
    }

    /** The cells' channel plans, in order (cells must be built between stem and classifier). */
    List<CellPlan> plans() {
        return plans;
    }

    NDArray stem(NDArray x, boolean training) {
        return stemBn.forward(stem.forward(Ops.preferredLayout(x, narrowest)), training);
    }

    NDArray classify(NDArray last) {
        return classifier.forward(Ops.globalAvgPool(last));
    }

    /** Output channels of cell {@code index}. */
    int outChannels(int index) {
        return outChannels.get(index);
    }
}
