package dev.naslab.api.model;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;

/**
 * A trainable network: named parameters and buffers in a {@link ParamStore}, and a forward
 * pass. Results join the manager of the input, so callers scope a pass by the input's manager.
 */
public interface Network extends AutoCloseable {

    /** {@return trainable weights and buffers (BatchNorm running statistics)} */
    ParamStore params();

    /**
     * Logits for the batch {@code x} (N×C×H×W); {@code training} selects batch statistics.
     *
     * @param x the input batch, N×C×H×W
     * @param training true for batch statistics (training), false for the running statistics
     * @return logits for the batch {@code x} (N×C×H×W)
     */
    NDArray forward(NDArray x, boolean training);

    /**
     * A training-mode forward pass with the evaluation recipe's regularisers: each non-identity
     * op output inside a cell is dropped per sample with probability {@code dropPath} (kept ones
     * scaled by 1/(1−p)), and the auxiliary head's logits are returned when the network has one.
     * Networks without {@link TrainingFeature#DROP_PATH} accept only {@code dropPath == 0}.
     *
     * @param rng draws the drop-path masks
     * @since 0.2
     * @param x the input batch, N×C×H×W
     * @param dropPath probability of dropping a cell op output per sample
     * @return a training-mode forward pass with the evaluation recipe's regularisers: each non-identity op output inside a cell is dropped per sample with probability {@code dropPath} (kept ones scaled by 1/(1−p)), and the auxiliary head's logits are returned when the network has one
     */
    default TrainingOutput forwardTraining(NDArray x, float dropPath, Rng rng) {
        if (dropPath != 0f) {
            throw new UnsupportedOperationException("this network has no drop path");
        }
        return new TrainingOutput(forward(x, true), null);
    }

    /**
     * Trainable parameters of parts used in training only (an auxiliary head), which
     * {@link ParamStore#count()} includes; 0 when there are none.
     *
     * @since 0.2
     * @return trainable parameters of parts used in training only (an auxiliary head), which {@link ParamStore#count()} includes
     */
    default long trainingOnlyParameters() {
        return 0;
    }

    /**
     * The generator that ops drawing random numbers inside a forward pass use (the RobustDARTS
     * S4 {@code noise} op). The host hands in a seeded generator whose state it saves with
     * checkpoints, so a resumed run draws the same numbers; networks without such ops ignore it.
     *
     * @since 0.2
     * @param rng the seeded generator to draw from
     */
    default void randomSource(Rng rng) {
    }

    @Override
    default void close() {
        params().close();
    }
}
