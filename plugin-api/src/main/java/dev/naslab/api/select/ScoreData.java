package dev.naslab.api.select;

/**
 * How a selector's validation passes read the validation split.
 *
 * @since 0.2
 */
public enum ScoreData {

    /** Every image once, in split order, without augmentation: the same data for every score. */
    PLAIN,

    /**
     * Every image once, in a fresh random order and with the dataset's training augmentation, as
     * the DARTS-PT reference scores through its validation loader (noisier scores).
     */
    AUGMENTED
}
