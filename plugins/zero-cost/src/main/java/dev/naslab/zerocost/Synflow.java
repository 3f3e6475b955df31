package dev.naslab.zerocost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Network;
import dev.naslab.api.nn.NetworkProbe;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * SynFlow (Tanaka et al. 2020, as zero-cost-nas computes it): every parameter replaced by its absolute value,
 * normalisation left out, float64 throughout, an input of ones (one image); R = Σ of the output; the score is
 * Σ over the weights of every convolution and linear layer of |θ ⊙ ∂R/∂θ|. Data-free. Values are large (about
 * 1e30 and more for NAS-Bench-201 networks): float32 would overflow, which is why the pass is float64.
 */
@Extension
public final class Synflow extends SimpleProxy {

    public Synflow() {
        super("synflow", "SynFlow: sum of |θ·∂R/∂θ| with |θ|, no BatchNorm, float64, input of ones (data-free)");
    }

    @Override
    public boolean needsData() {
        return false;
    }

    @Override
    public double score(Network network, Batch batch, NoSettings settings) {
        Shape s = batch.x().getShape();
        try (NDManager m = batch.x().getManager().newSubManager()) {
            Linearised probe = new Linearised(m);
            NDArray ones = m.ones(new Shape(1, s.get(1), s.get(2), s.get(3)), DataType.FLOAT64);
            return ProxyPass.backward(network, ones, probe, false, NDArray::sum, (pass, x, y) -> {
                double total = 0;
                for (NDArray w : probe.weights) {
                    try (NDArray g = w.getGradient()) {
                        total += w.mul(g).abs().sum().getDouble();
                    }
                }
                return total;
            });
        }
    }

    /** Hands the layers |θ| in float64, a leaf per parameter; no BatchNorm. */
    private static final class Linearised implements NetworkProbe {

        private final NDManager manager;
        private final Map<NDArray, NDArray> replaced = new IdentityHashMap<>();
        final List<NDArray> weights = new ArrayList<>();

        Linearised(NDManager manager) {
            this.manager = manager;
        }

        @Override
        public NDArray parameter(NDArray p, Layer layer, boolean weight) {
            return replaced.computeIfAbsent(p, k -> {
                // made on the host: a new leaf of this pass, outside the graph being recorded
                float[] v = k.toFloatArray();
                double[] abs = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    abs[i] = Math.abs((double) v[i]);
                }
                NDArray r = manager.create(abs, k.getShape());
                r.setRequiresGradient(true);
                if (weight) {
                    weights.add(r);
                }
                return r;
            });
        }

        @Override
        public boolean bypassNormalisation() {
            return true;
        }
    }
}
