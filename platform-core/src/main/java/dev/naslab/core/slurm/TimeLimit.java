package dev.naslab.core.slurm;

/**
 * A job's {@code --time} from the plan's estimate of its trial: twice the estimate (estimates come from step times
 * measured on the submitting machine, and a node may be slower or busier), rounded up to 5 minutes, at least
 * {@value #MIN_MINUTES} minutes. A trial that runs out of time is not lost work: Slurm ends it TIMEOUT and naslab
 * submits it again from its newest checkpoint.
 */
public final class TimeLimit {

    /** The shortest limit naslab asks for (the JVM start, plugin loading and data reading come first). */
    public static final int MIN_MINUTES = 15;

    private TimeLimit() {
    }

    /** The limit for a trial estimated at {@code seconds} of compute, as sbatch reads it; null without an estimate. */
    public static String forEstimate(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
            return null;
        }
        long minutes = Math.max(MIN_MINUTES, (long) Math.ceil(2 * seconds / 300.0) * 5);
        return format(minutes);
    }

    /** {@code minutes} as {@code HH:MM:00}, or {@code D-HH:MM:00} from a day on. */
    static String format(long minutes) {
        long d = minutes / (24 * 60);
        long h = minutes / 60 % 24;
        long m = minutes % 60;
        String hm = String.format("%02d:%02d:00", h, m);
        return d > 0 ? d + "-" + hm : hm;
    }
}
