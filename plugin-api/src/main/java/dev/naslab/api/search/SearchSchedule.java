package dev.naslab.api.search;

/**
 * How a search is driven by the host.
 *
 * @param epochs          passes over the training split
 * @param batchSize       images per batch (training and validation)
 * @param checkpointEvery write a checkpoint every this many epochs (the last epoch always)
 */
public record SearchSchedule(int epochs, int batchSize, int checkpointEvery) {

    /**
     * Checks that every value is positive.
     *
     * @param epochs epochs
     * @param batchSize images per batch
     * @param checkpointEvery epochs between checkpoints
     */
    public SearchSchedule {
        if (epochs < 1 || batchSize < 1 || checkpointEvery < 1) {
            throw new IllegalArgumentException("epochs, batch size and checkpoint interval must be positive");
        }
    }
}
