package dev.naslab.core.cli;

import dev.naslab.core.UserException;
import dev.naslab.core.config.Experiment;
import dev.naslab.core.config.Study;
import dev.naslab.core.config.Variant;
import dev.naslab.core.plan.Calibration;
import dev.naslab.core.plan.TimeEstimator;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.plan.TrialState;
import dev.naslab.core.slurm.SlurmSettings;
import dev.naslab.core.slurm.TimeLimit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** How trials become Slurm jobs ({@code --slurm} and its options); shared by run and plan. */
final class SlurmOptions {

    @Option(names = "--slurm", description = "Run each trial as a Slurm batch job (sbatch on this machine's PATH; "
            + "the output folder on a file system the nodes share, checked by a probe job before anything is submitted).")
    boolean slurm;

    @Option(names = "--partition", paramLabel = "P", description = "With --slurm: the partition (default: the cluster's).")
    String partition;

    @Option(names = "--account", paramLabel = "A", description = "With --slurm: the account to charge (default: yours).")
    String account;

    @Option(names = "--time", paramLabel = "LIMIT", description = "With --slurm: every job's time limit, as sbatch reads "
            + "it (e.g. 04:00:00; default: twice the plan's estimate of each trial, at least 15 minutes; a job that "
            + "runs out is submitted again and resumes from its newest checkpoint).")
    String time;

    @Option(names = "--mem", paramLabel = "SIZE", defaultValue = SlurmSettings.DEFAULT_MEM,
            description = "With --slurm: memory per job (default: ${DEFAULT-VALUE}: the trial JVM's 4 GB heap and its "
                    + "native tensors).")
    String mem;

    @Option(names = "--gres", paramLabel = "SPEC", description = "With --slurm: generic resources per job (default: "
            + "gpu:1 when the experiment's device is gpu, else none).")
    String gres;

    @Option(names = "--sbatch-arg", paramLabel = "OPTION", description = "With --slurm: one more sbatch option for "
            + "every job, e.g. --sbatch-arg=--qos=high (repeatable).")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--poll-seconds", paramLabel = "S", defaultValue = "10",
            description = "With --slurm: how often the jobs' states are asked for (default: ${DEFAULT-VALUE}).")
    int pollSeconds;

    @Option(names = "--max-jobs", paramLabel = "N", defaultValue = "0",
            description = "With --slurm: at most N of the experiment's jobs in Slurm at once, the rest submitted as "
                    + "earlier ones end (for sites that limit jobs per user; default: no limit).")
    int maxJobs;

    /** Fails when a Slurm option is given without {@code --slurm}. */
    void requireSlurmForOptions() {
        if (slurm) {
            return;
        }
        Map<String, Boolean> given = Map.of("--partition", partition != null, "--account", account != null, "--time",
                time != null, "--gres", gres != null, "--sbatch-arg", !sbatchArgs.isEmpty(), "--mem",
                !mem.equals(SlurmSettings.DEFAULT_MEM), "--poll-seconds", pollSeconds != 10, "--max-jobs",
                maxJobs != 0);
        given.forEach((option, set) -> {
            if (set) {
                throw new UserException(option + " is an option of --slurm; add --slurm to run the trials as Slurm jobs");
            }
        });
    }

    /** The settings for an experiment whose trials run with {@code threads} threads on {@code device}. */
    SlurmSettings settings(int threads, String device) {
        String g = gres != null ? gres : "gpu".equals(device) ? "gpu:1" : null;
        return new SlurmSettings(partition, account, time, mem, g, threads, sbatchArgs, pollSeconds, maxJobs);
    }

    /**
     * Each trial's {@code --time}: the option when given, else {@link TimeLimit#forEstimate} of the plan's estimate
     * of the trial's remaining work (null where there is no estimate: the partition's default applies).
     */
    Function<TrialSpec, String> timeLimits(Study study, List<TrialSpec> trials, boolean calibrate) {
        if (time != null) {
            return t -> time;
        }
        Map<String, Experiment> byVariant = study.variants().stream()
                .collect(Collectors.toMap(Variant::label, Variant::experiment));
        TimeEstimator estimator = new TimeEstimator(new Calibration(calibrate), System.err::println);
        Map<String, String> limits = new HashMap<>();
        java.util.Set<String> warned = new java.util.LinkedHashSet<>();
        for (TrialSpec t : trials) {
            Experiment e = byVariant.getOrDefault(t.variant(), study.variants().get(0).experiment());
            try {
                double total = estimator.estimate(t, e, TrialState.of(study.output().resolve(t.id()))).total();
                limits.put(t.id(), TimeLimit.forEstimate(total));
            } catch (RuntimeException ex) {
                // the data may be readable on the nodes only; the job says so if it is not
                String why = ex.getMessage() == null ? ex.toString() : ex.getMessage();
                if (warned.add(why)) {
                    System.err.println("naslab: warning: no time estimate (" + why + "); jobs get the partition's "
                            + "default time limit (or give --time)");
                }
            }
        }
        return t -> limits.get(t.id());
    }
}
