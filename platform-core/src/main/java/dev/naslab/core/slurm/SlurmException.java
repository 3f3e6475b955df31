package dev.naslab.core.slurm;

/** A Slurm problem the user can fix (no {@code sbatch}, a partition that does not exist, a folder the nodes cannot see): one line, exit 2. */
public final class SlurmException extends dev.naslab.core.UserException {

    public SlurmException(String message) {
        super(message);
    }
}
