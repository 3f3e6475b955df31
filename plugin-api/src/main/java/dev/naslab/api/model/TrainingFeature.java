package dev.naslab.api.model;

/**
 * Regularisers of an evaluation recipe that a discrete network may support (the DARTS recipe uses
 * both). A space declares them with {@link dev.naslab.api.SearchSpace#trainingFeatures}; an
 * evaluator rejects settings that need a feature the space's networks lack.
 *
 * @since 0.2
 */
public enum TrainingFeature {

    /** An auxiliary classifier on an intermediate cell, used during training only. */
    AUXILIARY_HEAD("auxiliary head"),

    /** Drop path: each non-identity op output inside a cell is dropped per sample. */
    DROP_PATH("drop path");

    private final String label;

    TrainingFeature(String label) {
        this.label = label;
    }

    /** {@return a readable name for messages} */
    public String label() {
        return label;
    }
}
