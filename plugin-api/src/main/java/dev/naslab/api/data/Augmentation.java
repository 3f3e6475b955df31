package dev.naslab.api.data;

/**
 * Training-time augmentation.
 *
 * @param cropPadding    random crop of the original size after zero padding by this many pixels
 *                       (0 = none)
 * @param horizontalFlip flip left-right with probability 1/2
 * @param cutout         side of a square set to 0 after normalisation, centred on a uniformly
 *                       drawn pixel and clipped at the borders (DeVries and Taylor 2017, as in
 *                       the DARTS recipe); 0 = none. Since 0.2
 */
public record Augmentation(int cropPadding, boolean horizontalFlip, int cutout) {

    /** No augmentation: images as stored. */
    public static final Augmentation NONE = new Augmentation(0, false, 0);

    /**
     * Checks that padding and cutout are not negative.
     *
     * @param cropPadding zero padding before the random crop, pixels (0: no crop)
     * @param horizontalFlip random horizontal flips
     * @param cutout side of the cutout square, pixels (0: none)
     */
    public Augmentation {
        if (cropPadding < 0 || cutout < 0) {
            throw new IllegalArgumentException("crop padding and cutout must be 0 or more");
        }
    }

    /**
     * Crop and flip without cutout.
     *
     * @param cropPadding zero padding before the random crop, pixels (0: no crop)
     * @param horizontalFlip random horizontal flips
     */
    public Augmentation(int cropPadding, boolean horizontalFlip) {
        this(cropPadding, horizontalFlip, 0);
    }

    /**
     * {@return the same augmentation with cutout of side {@code length}}
     *
     * @param length side of the cutout square, pixels (0: none)
     */
    public Augmentation withCutout(int length) {
        return new Augmentation(cropPadding, horizontalFlip, length);
    }

    /** {@return whether any augmentation is on} */
    public boolean any() {
        return cropPadding > 0 || horizontalFlip || cutout > 0;
    }
}
