package dev.naslab.optimizer.drnas;

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
 * DrNAS's mixing weights for a training pass: per edge a draw {@code x ~ Dirichlet(c)},
 * {@code c = elu(α) + 1}, with the pathwise (reparameterised) gradient of x with respect to c, as
 * PyTorch's {@code Dirichlet.rsample()} gives the reference.
 *
 * <p>The draw is {@code x = G/ΣG} with {@code G_j ~ Gamma(c_j, 1)} (Marsaglia–Tsang, boosted for
 * c &lt; 1), from the search's seeded generator. The gradient is the implicit one of the Gamma
 * samples (Figurnov et al. 2018): {@code dG/dc = −(∂P(c, G)/∂c) / p(G; c)} with P the Gamma CDF,
 * hence {@code ∂x_i/∂c_j = (δ_ij − x_i)·(dG_j/dc_j)/ΣG}. DJL has no custom autograd functions, so the
 * pass builds {@code x + D − x·ΣD} with {@code D = (c − sg(c))·(dG/dc)/ΣG}: its value is the draw
 * exactly, its gradient that Jacobian. (PyTorch's {@code _dirichlet_grad} computes the same derivative
 * with a fitted approximation; the two agree to the tolerance of the finite-difference test.)
 */
final class DirichletSampler {

    private DirichletSampler() {
    }

    /** A draw per cell type: the sample x and the constants dG/dc / ΣG, both edges × ops, flat. */
    record Draw(Map<String, float[]> sample, Map<String, float[]> slope) {
    }

    /** Draws every edge's weights of every cell type at the current α. */
    static Draw draw(ArchState arch, Rng rng) {
        Map<String, float[]> sample = new LinkedHashMap<>();
        Map<String, float[]> slope = new LinkedHashMap<>();
        for (CellType c : arch.cellTypes()) {
            float[][] a = arch.alphaValues(c.name());
            int ops = c.opCount();
            float[] x = new float[a.length * ops];
            float[] s = new float[a.length * ops];
            for (int e = 0; e < a.length; e++) {
                double[] g = new double[ops];
                double[] dg = new double[ops];
                double total = 0;
                for (int k = 0; k < ops; k++) {
                    double conc = concentration(a[e][k]);
                    g[k] = gamma(conc, rng);
                    dg[k] = -GammaFunctions.dRegularizedGammaPda(conc, g[k]) / GammaFunctions.gammaDensity(conc, g[k]);
                    total += g[k];
                }
                for (int k = 0; k < ops; k++) {
                    x[e * ops + k] = (float) (g[k] / total);
                    s[e * ops + k] = (float) (dg[k] / total);
                }
            }
            sample.put(c.name(), x);
            slope.put(c.name(), s);
        }
        return new Draw(sample, slope);
    }

    /** The mixing weights of {@code draw}: its values, with the pathwise gradient to α. */
    static MixingWeights weights(ArchState arch, Draw draw, NDManager pass) {
        return arch.weightsFrom(pass, (cell, alpha) -> {
            Shape shape = alpha.getShape();
            NDArray x = pass.create(draw.sample().get(cell), shape);
            NDArray c = concentration(alpha);
            NDArray d = c.sub(c.stopGradient()).mul(pass.create(draw.slope().get(cell), shape));
            return x.add(d).sub(x.mul(d.sum(new int[] {1}, true)));
        });
    }

    /** {@code elu(α) + 1} on the host. */
    static double concentration(double alpha) {
        return alpha > 0 ? alpha + 1 : Math.exp(alpha);
    }

    /** {@code elu(α) + 1} in a pass: α + 1 where α &gt; 0, exp(α) elsewhere. */
    static NDArray concentration(NDArray alpha) {
        NDManager m = alpha.getManager();
        NDArray zero = m.create(0f);
        NDArray one = m.create(1f);
        NDArray positive = alpha.gt(zero).toType(alpha.getDataType(), false);
        // exp(min(α, 0)) keeps the unused branch finite; each branch's gradient is masked by the other's
        // selector. Constants are arrays of the pass, not Numbers (DJL 0.36 frees those before the backward)
        return alpha.add(one).mul(positive).add(alpha.minimum(zero).exp().mul(one.sub(positive)));
    }

    /** One Gamma(a, 1) draw: Marsaglia and Tsang (2000); for a &lt; 1, Gamma(a + 1)·U^(1/a). */
    static double gamma(double a, Rng rng) {
        if (a < 1) {
            double u;
            do {
                u = rng.nextDouble();
            } while (u == 0);
            return gamma(a + 1, rng) * Math.pow(u, 1 / a);
        }
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
