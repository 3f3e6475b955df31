package dev.naslab.api.model;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.nn.ParamStore;

/**
 * A trainable network: named parameters and buffers in a {@link ParamStore}, and a forward
 * pass. Results join the manager of the input, so callers scope a pass by the input's manager.
 */
public interface Network extends AutoCloseable {

    /** Trainable weights and buffers (BatchNorm running statistics). */
    ParamStore params();

    /** Logits for the batch {@code x} (N×C×H×W); {@code training} selects batch statistics. */
    NDArray forward(NDArray x, boolean training);

    @Override
    default void close() {
        params().close();
    }
}
