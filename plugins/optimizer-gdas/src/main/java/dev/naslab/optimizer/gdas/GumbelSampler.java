package dev.naslab.optimizer.gdas;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.base.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One GDAS draw per pass: per edge, Gumbel noise {@code g = −log(−log u)},
 * {@code p = softmax((log_softmax(α) + g)/τ)}, the op {@code argmax p} computed alone and the row's
 * weights {@code onehot − sg(p) + p} (AutoDL-Projects' {@code normalize_archp} and
 * {@code forward_gdas}). Every other entry of the row passes the gradient of its {@code p} through
 * the straight-through term, in both spaces: the reference's NB201 cell adds those terms, its
 * NASNet cell drops them; naslab uses the NB201 rule everywhere (one rule for every space).
 */
final class GumbelSampler {

    private GumbelSampler() {
    }

    /** A draw: the noise per cell type (edges × ops, flat) and the op each edge computes. */
    record Draw(Map<String, float[]> noise, Map<String, int[]> chosen) {
    }

    /**
     * Draws the noise from {@code rng} and picks each edge's op on the host (in double precision,
     * so the choice does not depend on the engine). A draw with an infinite value is drawn again,
     * as the reference does.
     */
    static Draw draw(ArchState arch, Rng rng) {
        Map<String, float[]> noise = new LinkedHashMap<>();
        Map<String, int[]> chosen = new LinkedHashMap<>();
        for (CellType c : arch.cellTypes()) {
            float[][] a = arch.alphaValues(c.name());
            int ops = c.opCount();
            float[] g = new float[a.length * ops];
            int[] pick = new int[a.length];
            for (int e = 0; e < a.length; e++) {
                double[] logp = logSoftmax(a[e]);
                double best = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < ops; k++) {
                    float v;
                    do {
                        v = (float) -Math.log(-Math.log(rng.nextDouble()));
                    } while (!Float.isFinite(v));
                    g[e * ops + k] = v;
                    if (logp[k] + v > best) {
                        best = logp[k] + v;
                        pick[e] = k;
                    }
                }
            }
            noise.put(c.name(), g);
            chosen.put(c.name(), pick);
        }
        return new Draw(noise, chosen);
    }

    /** The hard mixing weights of {@code draw} at temperature {@code tau}, arrays in {@code pass}. */
    static MixingWeights weights(ArchState arch, Draw draw, double tau, NDManager pass) {
        NDArray inverseTau = pass.create((float) (1.0 / tau));
        return arch.hardWeightsFrom(pass, (cell, alpha) -> {
            long[] shape = alpha.getShape().getShape();
            NDArray g = pass.create(draw.noise().get(cell), new Shape(shape));
            return alpha.logSoftmax(-1).add(g).mul(inverseTau).softmax(-1);
        }, draw.chosen());
    }

    static double[] logSoftmax(float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i] - log;
        }
        return out;
    }
}
