package dev.naslab.api.model;

/**
 * The shape of one input image.
 *
 * @param channels channels
 * @param height   height in pixels
 * @param width    width in pixels
 */
public record InputShape(int channels, int height, int width) {

    /**
     * Checks that every dimension is positive.
     *
     * @param channels channels
     * @param height image height in pixels
     * @param width image width in pixels
     */
    public InputShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("input shape must be positive, got "
                    + channels + "x" + height + "x" + width);
        }
    }

    /**
     * Parses {@code CxHxW}, e.g. {@code 3x32x32}.
     *
     * @param text a shape such as 3x32x32
     * @return the shape
     */
    public static InputShape parse(String text) {
        String[] p = text.trim().toLowerCase().split("x");
        if (p.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not an input shape CxHxW such as 3x32x32");
        }
        try {
            return new InputShape(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an input shape CxHxW such as 3x32x32");
        }
    }

    /**
     * Pixels per image over all channels.
     *
     * @return channels × height × width
     */
    public int size() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
