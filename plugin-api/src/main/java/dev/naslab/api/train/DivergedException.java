package dev.naslab.api.train;

/** Thrown when a loss or gradient norm becomes NaN or infinite: the run has diverged. */
public final class DivergedException extends RuntimeException {

    public DivergedException(String message) {
        super(message);
    }
}
