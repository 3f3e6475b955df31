package dev.naslab.core.cluster;

/** A cluster set-up problem the user can fix (no token, nobody at the address, a bad address): one line, exit 2. */
public final class ClusterException extends RuntimeException {

    public ClusterException(String message) {
        super(message);
    }
}
