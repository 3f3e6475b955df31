package dev.naslab.core.search;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.train.Grads;
import dev.naslab.api.train.Passes;
import dev.naslab.api.base.Rng;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The largest eigenvalue of the Hessian of the validation loss with respect to α, measured on a
 * supernet between two epochs ({@link AlphaHessian} on one validation batch). The measurement
 * leaves the search as it was: α gets its values back, BatchNorm's running statistics are kept, no
 * weight or α step is taken, and the forward pass draws its noise (RobustDARTS S4) from a generator
 * of its own, the same for every gradient, so that the finite differences see one loss function.
 */
final class HessianProbe {

    /**
     * One measurement.
     *
     * @param eigenvalue the largest eigenvalue of ∇²α L on the batch (without α's weight decay: the
     *                   reference's value is this plus the optimizer's α weight decay)
     * @param gradients  gradients it took (forward and backward passes)
     * @param seconds    its time
     */
    record Measurement(double eigenvalue, int gradients, double seconds) {
    }

    private HessianProbe() {
    }

    static Measurement measure(Supernet net, Batch valid, long seed) {
        long t0 = System.nanoTime();
        ArchState arch = net.arch();
        List<NDArray> alphas = new ArrayList<>(arch.alphas().values());
        List<float[]> saved = alphas.stream().map(NDArray::toFloatArray).toList();
        double[] at = flatten(saved);
        boolean trainable = alphas.get(0).hasGradient();
        AlphaHessian.Estimate e;
        try {
            arch.setTrainable(true);
            e = RunningStatistics.kept(net.params().buffers(), () -> AlphaHessian.largestEigenvalue(
                    gradientOf(net, valid, seed), at, Rng.derive(seed, "hessian-start")));
        } finally {
            for (int i = 0; i < alphas.size(); i++) {
                alphas.get(i).set(FloatBuffer.wrap(saved.get(i)));
            }
            Grads.zero(alphas);
            arch.setTrainable(trainable);
        }
        return new Measurement(e.eigenvalue(), e.gradients(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * ∇α of the loss on {@code valid} as a function of α (all cell types, flattened); each call sets α
     * to the point. The caller restores α, the statistics and the trainable flags.
     */
    static AlphaHessian.Gradient gradientOf(Supernet net, Batch valid, long seed) {
        List<NDArray> alphas = new ArrayList<>(net.arch().alphas().values());
        return point -> gradient(net, alphas, point, valid, seed);
    }

    /** ∇α of the loss on {@code valid} with α set to {@code point} (weights not differentiated). */
    private static double[] gradient(Supernet net, List<NDArray> alphas, double[] point, Batch valid, long seed) {
        int offset = 0;
        for (NDArray a : alphas) {
            float[] values = new float[(int) a.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) point[offset + i];
            }
            a.set(FloatBuffer.wrap(values));
            offset += values.length;
        }
        net.randomSource(Rng.derive(seed, "hessian-noise"));
        net.params().setTrainable(false);
        try {
            Grads.zero(alphas);
            Passes.backward(x -> net.forward(x, true), valid);
        } finally {
            net.params().setTrainable(true);
        }
        List<float[]> grads = new ArrayList<>();
        for (NDArray a : alphas) {
            try (NDArray g = a.getGradient()) { // each call allocates a handle
                grads.add(g.toFloatArray());
            }
        }
        return flatten(grads);
    }

    private static double[] flatten(List<float[]> parts) {
        double[] out = new double[parts.stream().mapToInt(p -> p.length).sum()];
        int i = 0;
        for (float[] p : parts) {
            for (float v : p) {
                out[i++] = v;
            }
        }
        return out;
    }
}
