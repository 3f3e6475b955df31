package dev.naslab.core.cluster;

/** A cluster set-up problem the user can fix (no token, nobody at the address, a bad address): one line, exit 2. */
public final class ClusterException extends dev.naslab.core.UserException {

    public ClusterException(String message) {
        super(message);
    }
}
