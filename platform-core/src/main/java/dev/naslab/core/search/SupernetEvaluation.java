package dev.naslab.core.search;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.data.ImageSet;
import dev.naslab.api.model.Network;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Passes;
import dev.naslab.api.train.Rng;

/**
 * Loss and accuracy of a network over a whole split, in order, without gradients. Supernets are
 * scored with BatchNorm on batch statistics ({@code training=true}), as DARTS-PT does.
 */
public final class SupernetEvaluation {

    private SupernetEvaluation() {
    }

    public static PassResult evaluate(Network net, ImageSet set, int batchSize, boolean batchStatistics,
            NDManager root) {
        PassResult total = PassResult.EMPTY;
        Rng unused = new Rng(0);
        for (int start = 0; start < set.size(); start += batchSize) {
            int n = Math.min(batchSize, set.size() - start);
            int[] pos = new int[n];
            for (int i = 0; i < n; i++) {
                pos[i] = start + i;
            }
            try (NDManager m = root.newSubManager(); Batch b = set.batch(pos, Augmentation.NONE, unused, m)) {
                total = total.plus(Passes.evaluate(x -> net.forward(x, batchStatistics), b));
            }
        }
        return total;
    }
}
