package dev.naslab.api.train;

/** Thrown when a loss or gradient norm becomes NaN or infinite: the run has diverged. */
public final class DivergedException extends RuntimeException {

    /**
     * A divergence described by {@code message} (what became non-finite, and where).
     *
     * @param message what became non-finite, and where
     */
    public DivergedException(String message) {
        super(message);
    }
}
