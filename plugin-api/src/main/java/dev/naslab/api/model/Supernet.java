package dev.naslab.api.model;

import ai.djl.ndarray.NDArray;

/**
 * A weight-sharing supernet: a {@link Network} whose cells mix every candidate operation with
 * the weights of its {@link ArchState}. Every forward pass takes explicit {@link MixingWeights},
 * which is how selectors evaluate masked or projected variants without touching α.
 */
public interface Supernet extends Network {

    /** {@return α, decisions and masks of this supernet} */
    ArchState arch();

    /**
     * Logits with the given mixing weights.
     *
     * @param x the input batch, N×C×H×W
     * @param weights the mixing weights
     * @param training true for batch statistics (training), false for the running statistics
     * @return logits with the given mixing weights
     */
    NDArray forward(NDArray x, MixingWeights weights, boolean training);

    /** Logits with the arch state's current mixing weights. */
    @Override
    default NDArray forward(NDArray x, boolean training) {
        MixingWeights w = arch().mixingWeights(x.getManager());
        return forward(x, w, training);
    }

    @Override
    default void close() {
        params().close();
        arch().close();
    }
}
