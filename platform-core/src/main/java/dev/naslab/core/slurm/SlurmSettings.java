package dev.naslab.core.slurm;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How naslab asks Slurm for each trial's job. Null fields are left to the cluster's defaults.
 *
 * @param partition   {@code --partition}, or null
 * @param account     {@code --account}, or null
 * @param time        {@code --time} for every trial, or null to derive each trial's limit from the plan's estimate
 * @param mem         {@code --mem} per trial (the trial JVM's heap, 4 GB unless $NASLAB_TRIAL_JAVA_OPTS says
 *                    otherwise, plus native tensor memory)
 * @param gres        {@code --gres} per trial, or null (a GPU experiment asks for {@code gpu:1})
 * @param cpusPerTask {@code --cpus-per-task}: the experiment's {@code threads}
 * @param extraArgs   further {@code sbatch} options, each one {@code #SBATCH} line (e.g. {@code --qos=high})
 * @param pollSeconds how often the jobs' states are asked for
 * @param maxJobs     at most this many of the experiment's jobs in Slurm at once (sites limit jobs per user); 0: no limit
 */
public record SlurmSettings(String partition, String account, String time, String mem, String gres, int cpusPerTask,
        List<String> extraArgs, int pollSeconds, int maxJobs) {

    /** {@code --mem} when the user gives none. */
    public static final String DEFAULT_MEM = "6G";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._,-]{1,128}");
    private static final Pattern TIME = Pattern.compile(
            "[0-9]{1,6}|[0-9]{1,6}:[0-5][0-9](:[0-5][0-9])?|[0-9]{1,4}-[0-9]{1,2}(:[0-5][0-9](:[0-5][0-9])?)?|UNLIMITED|INFINITE");
    private static final Pattern MEM = Pattern.compile("[0-9]{1,9}[KMGT]?");
    private static final Pattern GRES = Pattern.compile("[A-Za-z0-9_:.,=-]{1,128}");

    /** Checks every value; a bad one is a {@link SlurmException} naming the option and what is allowed. */
    public SlurmSettings {
        extraArgs = List.copyOf(extraArgs);
        check("--partition", partition, NAME, "letters, digits, '.', '_', '-' (several partitions separated by commas)");
        check("--account", account, NAME, "letters, digits, '.', '_', '-'");
        check("--time", time, TIME, "minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS, as sbatch reads it");
        check("--mem", mem, MEM, "a size such as 6G or 8000M");
        check("--gres", gres, GRES, "a resource such as gpu:1 or gpu:a100:1");
        if (cpusPerTask < 1) {
            throw new SlurmException("threads must be at least 1 for a Slurm job, got " + cpusPerTask);
        }
        if (maxJobs < 0) {
            throw new SlurmException("--max-jobs must be 0 (no limit) or a positive integer, got " + maxJobs);
        }
        if (pollSeconds < 1) {
            throw new SlurmException("--poll-seconds must be a positive integer, got " + pollSeconds);
        }
        for (String a : extraArgs) {
            if (!a.startsWith("-") || a.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new SlurmException("--sbatch-arg '" + a.replaceAll("\\p{Cntrl}", "?") + "' is not one sbatch "
                        + "option: give it as --sbatch-arg=--qos=high (starting with '-', on one line)");
            }
        }
    }

    private static void check(String option, String value, Pattern allowed, String what) {
        if (value != null && !allowed.matcher(value).matches()) {
            throw new SlurmException(option + " '" + value.replaceAll("\\p{Cntrl}", "?") + "' is not allowed: " + what);
        }
    }
}
