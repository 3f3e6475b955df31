package dev.naslab.api.data;

/**
 * Training-time augmentation.
 *
 * @param cropPadding    random crop of the original size after zero padding by this many pixels
 *                       (0 = none)
 * @param horizontalFlip flip left-right with probability 1/2
 */
public record Augmentation(int cropPadding, boolean horizontalFlip) {

    public static final Augmentation NONE = new Augmentation(0, false);

    public boolean any() {
        return cropPadding > 0 || horizontalFlip;
    }
}
