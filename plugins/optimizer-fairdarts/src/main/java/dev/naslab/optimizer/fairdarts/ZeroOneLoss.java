package dev.naslab.optimizer.fairdarts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.train.LossTerm;

/**
 * FairDARTS's zero-one loss ({@code separate_loss.py}): {@code −mean((σ(α) − ½)²)} ({@code l2}, the
 * reference's default {@code ConvSeparateLoss}) or {@code −mean(|σ(α) − ½|)} ({@code l1},
 * {@code TriSeparateLoss}) over every entry of every cell type's α together, times its weight. Lower
 * when σ(α) sits near 0 or 1: it pushes each op to be clearly in or out.
 */
final class ZeroOneLoss {

    private ZeroOneLoss() {
    }

    /** The weighted term, with the gradient of α. */
    static LossTerm term(ArchState arch, String kind, double weight) {
        return pass -> {
            NDList parts = new NDList();
            for (CellType c : arch.cellTypes()) {
                parts.add(Activation.sigmoid(arch.view(arch.alpha(c.name()), pass)).reshape(-1));
            }
            NDArray s = (parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts)).sub(pass.create(0.5f));
            NDArray distance = kind.equals("l1") ? s.abs().mean() : s.mul(s).mean();
            return distance.mul(pass.create((float) -weight));
        };
    }

    /** The unweighted loss on the host, for the log (the reference's {@code spe_loss}). */
    static double value(ArchState arch, String kind) {
        double sum = 0;
        int n = 0;
        for (CellType c : arch.cellTypes()) {
            for (float[] row : arch.alphaValues(c.name())) {
                for (float a : row) {
                    double d = 1 / (1 + Math.exp(-a)) - 0.5;
                    sum += kind.equals("l1") ? Math.abs(d) : d * d;
                    n++;
                }
            }
        }
        return -sum / n;
    }
}
