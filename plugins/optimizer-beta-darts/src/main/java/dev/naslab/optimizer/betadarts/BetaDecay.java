package dev.naslab.optimizer.betadarts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.train.LossTerm;

/**
 * β-DARTS's regulariser, {@code λ·mean(logsumexp(α))} over every edge (row) of every cell type
 * ({@code mlc_loss} in the reference's {@code optimizers/darts/architect.py}). Its gradient,
 * {@code λ·softmax(α)/rows}, pushes the rows' largest entries down hardest, which keeps α from
 * drifting to the one-sided distributions that collapse DARTS.
 */
final class BetaDecay {

    private BetaDecay() {
    }

    /**
     * {@return λ of epoch {@code epoch} (0-based)} The reference's {@code 0 + 50·epoch/100}:
     * {@code lambdaMax·epoch/rampEpochs}, so the literal 100 of the reference, not the search's
     * length, sets the slope (a 50-epoch DARTS-space search ends at 24.5).
     *
     * @param lambdaMax λ at epoch {@code rampEpochs}
     * @param rampEpochs the epochs over which λ grows to {@code lambdaMax}
     * @param epoch the epoch, 0-based
     */
    static double lambda(double lambdaMax, int rampEpochs, int epoch) {
        return lambdaMax * epoch / rampEpochs;
    }

    /** The term {@code λ·mean(logsumexp(α))} for the α step, with the gradient of α. */
    static LossTerm term(ArchState arch, double lambda) {
        return pass -> {
            NDList rows = new NDList();
            for (CellType c : arch.cellTypes()) {
                rows.add(logSumExp(arch.view(arch.alpha(c.name()), pass)));
            }
            NDArray all = rows.size() == 1 ? rows.singletonOrThrow() : ai.djl.ndarray.NDArrays.concat(rows);
            return all.mean().mul(pass.create((float) lambda));
        };
    }

    /** Row-wise log Σ exp, stabilised by the row maximum (a constant, so the gradient is softmax). */
    static NDArray logSumExp(NDArray alpha) {
        NDArray max = alpha.max(new int[] {1}, true).stopGradient();
        return alpha.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
    }

    /** The regulariser's value {@code mean(logsumexp(α))} on the host, for the log. */
    static double value(ArchState arch) {
        double sum = 0;
        int rows = 0;
        for (CellType c : arch.cellTypes()) {
            for (float[] row : arch.alphaValues(c.name())) {
                double max = Double.NEGATIVE_INFINITY;
                for (float v : row) {
                    max = Math.max(max, v);
                }
                double s = 0;
                for (float v : row) {
                    s += Math.exp(v - max);
                }
                sum += max + Math.log(s);
                rows++;
            }
        }
        return sum / rows;
    }
}
