package dev.naslab.core.bench;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Network;
import dev.naslab.api.train.Grads;
import dev.naslab.api.train.Passes;
import dev.naslab.api.base.Rng;

/**
 * Times a discrete network's training step (forward, loss, backward; the SGD update is a few
 * element-wise ops and left out) and its forward-only pass on random batches.
 */
public final class NetworkBench {

    /**
     * Seconds per batch.
     *
     * @param trainStep training step
     * @param scoreStep forward-only pass
     */
    public record Times(double trainStep, double scoreStep) {
    }

    private NetworkBench() {
    }

    public static Times time(Network net, long[] shape, int classes, int warmup, int steps, NDManager root) {
        Rng rng = new Rng(0);
        for (int i = 0; i < warmup; i++) {
            train(net, rng, shape, classes, root);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            train(net, rng, shape, classes, root);
        }
        double train = (System.nanoTime() - t0) / 1e9 / steps;
        long s0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            try (NDManager m = root.newSubManager(); Batch b = StepBench.randomBatch(rng, shape, classes, m)) {
                Passes.evaluate(x -> net.forward(x, false), b);
            }
        }
        return new Times(train, (System.nanoTime() - s0) / 1e9 / steps);
    }

    private static void train(Network net, Rng rng, long[] shape, int classes, NDManager root) {
        try (NDManager m = root.newSubManager(); Batch b = StepBench.randomBatch(rng, shape, classes, m)) {
            Grads.zero(net.params().weights().values());
            Passes.backward(x -> net.forward(x, true), b);
        }
    }
}
