package dev.naslab.core;

/**
 * A mistake in what the user asked for, or in the set-up around it (a cluster nobody answers at, a partition
 * Slurm does not have): the CLI prints the message as one line and exits with code 2, without a stack trace.
 * The one user-error type below every package of the host; {@link dev.naslab.core.cluster.ClusterException} and
 * {@link dev.naslab.core.slurm.SlurmException} are kinds of it.
 */
public class UserException extends RuntimeException {

    public UserException(String message) {
        super(message);
    }
}
