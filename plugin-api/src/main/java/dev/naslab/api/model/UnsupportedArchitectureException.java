package dev.naslab.api.model;

/**
 * Thrown by a space that cannot build an architecture's network (a cell left with no op, say) or an
 * evaluator that cannot evaluate it (a benchmark lookup of a cell the benchmark never trained). The host
 * records the architecture's row as failed with this message and goes on with the trial's other rows,
 * instead of failing the trial.
 *
 * @since 0.3
 */
public class UnsupportedArchitectureException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the architecture has that cannot be built or evaluated, and what would do
     */
    public UnsupportedArchitectureException(String message) {
        super(message);
    }
}
