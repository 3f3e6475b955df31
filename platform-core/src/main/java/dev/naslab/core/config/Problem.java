package dev.naslab.core.config;

/**
 * One thing wrong with an experiment, located by its key path.
 *
 * @param path    key path such as {@code search.epochs} (empty for the whole file)
 * @param message what is wrong and what is allowed
 */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
