package dev.naslab.api.search;

/**
 * How long a search runs and how it batches data, as the optimizer decides. How often the host
 * checkpoints is the host's policy (the search block's {@code checkpoint_every}), not the optimizer's.
 *
 * @param epochs    passes over the training split
 * @param batchSize images per batch (training and validation)
 */
public record SearchSchedule(int epochs, int batchSize) {

    /**
     * Checks that every value is positive.
     *
     * @param epochs epochs
     * @param batchSize images per batch
     */
    public SearchSchedule {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be positive");
        }
    }
}
