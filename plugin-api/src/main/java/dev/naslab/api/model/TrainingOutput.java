package dev.naslab.api.model;

import ai.djl.ndarray.NDArray;

/**
 * What a training-mode forward pass of a discrete network returns.
 *
 * @param logits          the main classifier's logits
 * @param auxiliaryLogits the auxiliary head's logits, or null when the network has none
 * @since 0.2
 */
public record TrainingOutput(NDArray logits, NDArray auxiliaryLogits) {
}
