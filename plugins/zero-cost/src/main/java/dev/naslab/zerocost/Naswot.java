package dev.naslab.zerocost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Network;
import dev.naslab.api.nn.NetworkProbe;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.pf4j.Extension;

/**
 * NASWOT (Mellor et al., ICML 2021): the binary code c = (x &gt; 0) of every ReLU's input, per image; the kernel
 * K = Σ over the ReLUs of c cᵀ + (1 − c)(1 − c)ᵀ (B×B: for two images, the units on which their codes agree);
 * the score is log |det K|. Forward only, batch statistics (the network in training mode, as the NASWOT code
 * leaves it); −∞ when K is singular (two images with the same codes everywhere).
 */
@Extension
public final class Naswot extends SimpleProxy {

    public Naswot() {
        super("nwot", "NASWOT: log|det K|, K the agreement of the images' ReLU codes (forward only)");
    }

    @Override
    public boolean needsData() {
        return true;
    }

    @Override
    public double score(Network network, Batch batch, NoSettings settings) {
        return score(network, batch, true);
    }

    /** The score with BatchNorm on batch statistics or on the running ones (Zero-Cost-PT's choice). */
    public double score(Network network, Batch batch, boolean batchStatistics) {
        Kernel k = new Kernel(batch.size());
        ProxyPass.forward(network, batch.x(), k, batchStatistics, (pass, x, y) -> null);
        return logAbsDet(k.k);
    }

    static double logAbsDet(double[][] k) {
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(k, false), 0);
        if (!lu.getSolver().isNonSingular()) {
            return Double.NEGATIVE_INFINITY;
        }
        RealMatrix u = lu.getU();
        double total = 0;
        for (int i = 0; i < k.length; i++) {
            double d = Math.abs(u.getEntry(i, i));
            if (d == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            total += Math.log(d);
        }
        return total;
    }

    /** Accumulates K on the host in float64; one matrix product per ReLU on the engine. */
    static final class Kernel implements NetworkProbe {

        final double[][] k;

        Kernel(int n) {
            k = new double[n][n];
        }

        @Override
        public boolean everyOp() {
            return true;
        }

        @Override
        public void reluInput(NDArray x, int modules) {
            int n = k.length;
            try (NDArray c = x.gt(0).toType(DataType.FLOAT32, false).reshape(n, -1);
                    NDArray agree = c.matMul(c.transpose());
                    NDArray ones = c.sum(new int[] {1})) {
                long d = c.getShape().get(1);
                float[] both = agree.toFloatArray();
                float[] active = ones.toFloatArray();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        // c·cᵀ + (1−c)·(1−c)ᵀ = 2 c·cᵀ + d − |c_i| − |c_j|
                        k[i][j] += modules * (2.0 * both[i * n + j] + d - active[i] - active[j]);
                    }
                }
            }
        }
    }
}
