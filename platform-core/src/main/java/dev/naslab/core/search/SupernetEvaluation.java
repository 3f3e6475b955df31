package dev.naslab.core.search;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.data.ImageSet;
import dev.naslab.api.model.Network;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Passes;

/**
 * Loss and accuracy of a network over a whole split, in order, without gradients. Supernets are
 * scored with BatchNorm on batch statistics ({@code training=true}), as DARTS-PT does.
 */
public final class SupernetEvaluation {

    private SupernetEvaluation() {
    }

    public static PassResult evaluate(Network net, ImageSet set, int batchSize, boolean batchStatistics,
            NDManager root) {
        return Passes.evaluate(net, set, batchSize, batchStatistics, root);
    }
}
