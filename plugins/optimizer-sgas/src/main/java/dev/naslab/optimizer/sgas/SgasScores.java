package dev.naslab.optimizer.sgas;

import java.util.List;

/**
 * SGAS's edge scores for one cell type (spaces-and-optimizers.md §E.2), from P = softmax(α) per edge:
 * edge importance EI = 1 − P(none); selection certainty SC = 1 − H(q)/ln|q| with q the
 * distribution over the other ops; selection stability SS (criterion 2) = the mean over the
 * history of Σ min(q, q_h). Each is min-max normalised over all edges (all zeros if constant);
 * criterion 1 scores N(EI)·N(SC), criterion 2 N(EI)·N(SC)·N(SS).
 */
final class SgasScores {

    final double[] importance;
    final double[] certainty;
    final double[] stability;
    final double[] score;
    /** q per edge: P over the non-{@code none} ops, renormalised (in column order without none). */
    final double[][] q;

    /**
     * @param p       softmax(α) per edge
     * @param none    column of {@code none} per edge, -1 where the edge has none
     * @param history earlier epochs' q matrices (oldest first), for criterion 2
     */
    SgasScores(float[][] p, int[] none, List<double[][]> history, int criterion) {
        int edges = p.length;
        importance = new double[edges];
        certainty = new double[edges];
        stability = new double[edges];
        q = new double[edges][];
        for (int e = 0; e < edges; e++) {
            int k = p[e].length - (none[e] >= 0 ? 1 : 0);
            q[e] = new double[k];
            double ei = 0;
            for (int o = 0, j = 0; o < p[e].length; o++) {
                if (o != none[e]) {
                    q[e][j++] = p[e][o];
                    ei += p[e][o];
                }
            }
            importance[e] = ei;
            double h = 0;
            for (int j = 0; j < k; j++) {
                q[e][j] /= ei;
                h -= q[e][j] > 0 ? q[e][j] * Math.log(q[e][j]) : 0;
            }
            certainty[e] = k > 1 ? 1 - h / Math.log(k) : 1;
            if (!history.isEmpty()) {
                double sum = 0;
                for (double[][] old : history) {
                    for (int j = 0; j < k; j++) {
                        sum += Math.min(q[e][j], old[e][j]);
                    }
                }
                stability[e] = sum / history.size();
            }
        }
        double[] ni = normalise(importance);
        double[] nc = normalise(certainty);
        double[] ns = normalise(stability);
        score = new double[edges];
        for (int e = 0; e < edges; e++) {
            score[e] = ni[e] * nc[e] * (criterion == 2 ? ns[e] : 1);
        }
    }

    /** (v − min)/(max − min), all zeros when max = min. */
    static double[] normalise(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double[] out = new double[v.length];
        if (max > min) {
            for (int i = 0; i < v.length; i++) {
                out[i] = (v[i] - min) / (max - min);
            }
        }
        return out;
    }
}
