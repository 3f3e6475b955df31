package dev.naslab.core.slurm;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.plan.TrialSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The batch script of one trial, written into its folder as {@value #FILE}: a user can read it and submit it
 * again by hand ({@code sbatch runs/x/<trial>/slurm-job.sh}); the trial resumes from its checkpoints either way.
 * The job starts the distribution's launcher on the trial folder, in the folder {@code naslab run} was started in
 * (so relative paths in the experiment, such as a dataset's, resolve as in a local run); its output is appended
 * to the trial's log.
 */
public final class JobScript {

    /** The script's name in the trial folder. */
    public static final String FILE = RunLayout.SLURM_SCRIPT;

    /** Characters an {@code #SBATCH} line carries as they are (no spaces, quotes or Slurm's {@code %} patterns). */
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9._/+@:=,~-]+");

    private JobScript() {
    }

    /**
     * The script for trial {@code t} of experiment {@code experiment} in {@code dir} (absolute), run in {@code workDir}
     * (absolute).
     */
    public static String text(String experiment, TrialSpec t, Path dir, Path workDir, SlurmSettings s,
            String timeLimit, List<String> launcher) {
        requirePlain(dir);
        requirePlain(workDir, "the folder naslab runs in");
        List<String> l = new ArrayList<>();
        l.add("#!/bin/bash");
        l.add("# naslab trial " + t.id() + " of experiment " + experiment + ", written by 'naslab run --slurm'.");
        l.add("# Submit it again by hand with: sbatch " + dir.resolve(FILE) + " (the trial resumes from its checkpoints)");
        l.add("#SBATCH --job-name=" + jobName(experiment, t));
        l.add("#SBATCH --chdir=" + workDir);
        l.add("#SBATCH --output=" + dir.resolve(RunLayout.TRIAL_LOG));
        l.add("#SBATCH --open-mode=append");
        l.add("#SBATCH --ntasks=1");
        l.add("#SBATCH --cpus-per-task=" + s.cpusPerTask());
        if (s.mem() != null) {
            l.add("#SBATCH --mem=" + s.mem());
        }
        if (timeLimit != null) {
            l.add("#SBATCH --time=" + timeLimit);
        }
        if (s.partition() != null) {
            l.add("#SBATCH --partition=" + s.partition());
        }
        if (s.account() != null) {
            l.add("#SBATCH --account=" + s.account());
        }
        if (s.gres() != null) {
            l.add("#SBATCH --gres=" + s.gres());
        }
        s.extraArgs().forEach(a -> l.add("#SBATCH " + a));
        l.add("export OMP_NUM_THREADS=" + s.cpusPerTask() + " DJL_OFFLINE=true OPT_OUT_TRACKING=true");
        l.add("export NASLAB_JAVA_OPTS=\"${NASLAB_TRIAL_JAVA_OPTS:--Xmx4g}\"");
        l.add("echo \"naslab: slurm job $SLURM_JOB_ID on $(hostname) (restart ${SLURM_RESTART_COUNT:-0}) at $(date -u "
                + "+%Y-%m-%dT%H:%M:%SZ)\"");
        l.add("exec " + String.join(" ", launcher.stream().map(JobScript::quote).toList()));
        return String.join("\n", l) + "\n";
    }

    /** The job name: the experiment and the trial, so {@code squeue} says whose it is. */
    static String jobName(String experiment, TrialSpec t) {
        String name = "naslab-" + experiment.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + t.id();
        return name.length() <= 200 ? name : name.substring(0, 200);
    }

    /**
     * The command a job runs: the distribution's launcher ({@code bin/naslab trial DIR}) when naslab was started
     * by it, else this JVM's java and class path (a development run from classes).
     */
    public static List<String> launcher(Path dir) {
        String home = System.getProperty("naslab.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "naslab"))) {
            return List.of(Path.of(home, "bin", "naslab").toAbsolutePath().toString(), "trial", dir.toString());
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.naslab.core.cli.Main", "trial", dir.toString());
    }

    /** Fails unless the output folder {@code dir} can stand in an {@code #SBATCH} line as it is. */
    public static void requirePlain(Path dir) {
        requirePlain(dir, "the output folder");
    }

    /** Fails unless {@code dir} ({@code what}) can stand in an {@code #SBATCH} line as it is. */
    public static void requirePlain(Path dir, String what) {
        if (!PLAIN_PATH.matcher(dir.toString()).matches()) {
            throw new SlurmException(what + " " + dir + " has characters that #SBATCH lines cannot carry (spaces, "
                    + "quotes, '%'); for --slurm choose a folder of letters, digits and ./_-+@:=,~");
        }
    }

    /** The folder this JVM runs in: jobs run there too. */
    public static Path workDir() {
        return Path.of("").toAbsolutePath();
    }

    static String quote(String word) {
        return PLAIN_PATH.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
