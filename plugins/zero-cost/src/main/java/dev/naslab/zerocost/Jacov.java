package dev.naslab.zerocost;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Network;
import dev.naslab.api.nn.NetworkProbe;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.pf4j.Extension;

/**
 * Jacobian covariance (Mellor et al. 2020, as zero-cost-nas computes it): J, the gradient of the sum of the logits
 * with respect to each image (batch statistics); C, the correlation matrix of J's rows; v, C's eigenvalues; the
 * score is −Σ (log(v + k) + 1/(v + k)), k = 1e-5. A network whose output does not depend on its input (a
 * NAS-Bench-201 cell with no path to its output) has no correlations: −∞, where the reference gives NaN.
 */
@Extension
public final class Jacov extends SimpleProxy {

    static final double K = 1e-5;

    public Jacov() {
        super("jacov", "Jacobian covariance: -sum(log(v+k) + 1/(v+k)) over the eigenvalues v of corr(dy/dx)");
    }

    @Override
    public boolean needsData() {
        return true;
    }

    @Override
    public double score(Network network, Batch batch, NoSettings settings) {
        int n = batch.size();
        float[] jacobian = ProxyPass.backward(network, batch.x(), new NetworkProbe() { }, true, NDArray::sum,
                (pass, x, y) -> {
                    try (NDArray g = x.getGradient()) {
                        return g.toFloatArray();
                    }
                });
        return score(jacobian, n);
    }

    /** The score of a Jacobian of {@code n} rows, row-major. */
    static double score(float[] jacobian, int n) {
        double[][] corr = correlations(jacobian, n);
        if (corr == null) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] v = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(corr, false)).getEigenvalues();
        double total = 0;
        for (double e : v) {
            total += Math.log(e + K) + 1 / (e + K);
        }
        return Double.isNaN(total) ? Double.NEGATIVE_INFINITY : -total;
    }

    /** Pearson correlations of the rows (numpy's corrcoef); null when a row is constant. */
    static double[][] correlations(float[] rows, int n) {
        int d = rows.length / n;
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            double mean = 0;
            for (int j = 0; j < d; j++) {
                mean += rows[i * d + j];
            }
            mean /= d;
            double ss = 0;
            for (int j = 0; j < d; j++) {
                z[i][j] = rows[i * d + j] - mean;
                ss += z[i][j] * z[i][j];
            }
            if (ss == 0) {
                return null;
            }
            double norm = Math.sqrt(ss);
            for (int j = 0; j < d; j++) {
                z[i][j] /= norm;
            }
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += z[i][j] * z[k][j];
                }
                c[i][k] = dot;
                c[k][i] = dot;
            }
        }
        return c;
    }
}
