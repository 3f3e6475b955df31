package dev.naslab.api.model;

/**
 * An architecture parameter besides α (PC-DARTS's per-edge β): created by {@link ArchState#use},
 * trained with α when α trains, saved with checkpoints under {@code arch/<name>}, restored on resume
 * and for selection, and logged per epoch.
 *
 * @param name    unique among the state's extra parameters, e.g. {@code beta/normal}; letters,
 *                digits, {@code _ - / .}
 * @param shape   its shape
 * @param initStd standard deviation of its Gaussian initialisation (0: all zeros)
 * @since 0.3
 */
public record ArchParameter(String name, long[] shape, float initStd) {

    /**
     * Checks the name and the shape.
     *
     * @param name    the parameter's name
     * @param shape   its shape
     * @param initStd standard deviation of its initialisation
     */
    public ArchParameter {
        if (name == null || !name.matches("[A-Za-z0-9_./-]+")) {
            throw new IllegalArgumentException("architecture parameter name '" + name
                    + "' must be letters, digits and _ - / .");
        }
        shape = shape.clone();
        for (long d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("architecture parameter '" + name + "' has a non-positive dimension");
            }
        }
    }

    /**
     * {@return how many values the parameter holds}
     */
    public long size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
