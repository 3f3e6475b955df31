package dev.naslab.api.data;

import dev.naslab.api.model.InputShape;

/**
 * Images held as unsigned bytes (CHW per image, row-major) with integer labels.
 *
 * @param pixels  {@code count × shape.size()} bytes, 0..255
 * @param labels  one class index per image
 * @param shape   the shape of one image
 * @param classes number of classes
 */
public record ImageData(byte[] pixels, int[] labels, InputShape shape, int classes) {

    /**
     * Checks that the pixels hold exactly {@code labels.length} images of {@code shape}.
     *
     * @param pixels the pixels, image after image, channel-major
     * @param labels the labels
     * @param shape one image's shape
     * @param classes the number of classes
     */
    public ImageData {
        if ((long) labels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException("pixels do not match " + labels.length + " images of " + shape);
        }
    }

    /** {@return number of images} */
    public int count() {
        return labels.length;
    }
}
