package dev.naslab.core.cli;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.TrialStatus;
import dev.naslab.core.UserException;
import dev.naslab.core.config.Study;
import dev.naslab.core.plan.ExperimentPlan;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.progress.ProgressDisplay;
import dev.naslab.core.report.ComparisonReport;
import dev.naslab.core.report.ResultsTable;
import dev.naslab.core.report.RunFolder;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.OutputFolder;
import dev.naslab.core.results.OutputLock;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.cluster.ClusterAddress;
import dev.naslab.core.cluster.ClusterCoordinator;
import dev.naslab.core.cluster.ClusterTrialExecutor;
import dev.naslab.core.cluster.PluginInventory;
import dev.naslab.core.progress.LineDisplay;
import dev.naslab.core.slurm.JobRecord;
import dev.naslab.core.slurm.JobScript;
import dev.naslab.core.slurm.SlurmCommands;
import dev.naslab.core.slurm.SlurmProbe;
import dev.naslab.core.slurm.SlurmSettings;
import dev.naslab.core.slurm.SlurmTrialExecutor;
import dev.naslab.core.trial.LocalTrialExecutor;
import dev.naslab.core.trial.TrialExecutor;
import dev.naslab.core.config.Mappers;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code naslab run FILE}: validate, plan, run every trial, print and save the results table. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment: one child JVM per trial (seed x space x search), on this machine or on a "
                + "cluster (--cluster) or as Slurm jobs (--slurm); results go to runs/<name>/ (results.csv, report.html, report.md, summary.csv, "
                + "status.json). Re-running resumes unfinished work.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ExperimentArgs experiment;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Trials run at once (default: as many one-thread trials as there are cores, or cores / "
                    + "threads when the file sets threads).")
    Integer parallel;

    @Option(names = "--cluster", paramLabel = "HOST:PORT",
            description = "Run the trials on the cluster a worker at this address belongs to (naslab worker --join "
                    + "HOST:PORT on each machine); needs the cluster token ($NASLAB_CLUSTER_TOKEN or --token-file).")
    String cluster;

    @Mixin
    ClusterAccess access;

    @Option(names = "--pull-seconds", paramLabel = "S", defaultValue = "5",
            description = "With --cluster: how often each running trial's new files (checkpoints, log, result) are "
                    + "fetched from its worker (default: ${DEFAULT-VALUE}); a lost worker costs at most the work since "
                    + "the newest checkpoint fetched.")
    int pullSeconds;

    @Mixin
    SlurmOptions slurmOptions;

    @Option(names = "--detach", description = "With --slurm: submit the jobs and return; they run on their own, "
            + "naslab status shows them and a later naslab run --slurm collects their results without submitting again.")
    boolean detach;

    @Mixin
    PluginOptions pluginOptions;

    @Option(names = "--force", description = "Write into an output folder that holds files naslab did not write "
            + "(none of them is replaced; naslab refuses the folder if one has a name it writes).")
    boolean force;

    /** The names a run writes directly in its output folder, besides one folder per trial. */
    static final List<String> WRITES = RunLayout.RUN_WRITES;

    private void claim(Path out, List<TrialSpec> trials) {
        if (!slurmOptions.slurm) {
            refuseOpenSlurmJobs(out, trials);
        }
        List<String> names = new java.util.ArrayList<>(WRITES);
        trials.forEach(t -> names.add(t.id()));
        OutputFolder.claim(out, "naslab run " + experiment.file, force, names, "--force");
    }

    /** A trial whose Slurm job no run has collected must not run here at the same time. */
    private static void refuseOpenSlurmJobs(Path out, List<TrialSpec> trials) {
        for (TrialSpec t : trials) {
            Path record = out.resolve(t.id()).resolve(JobRecord.FILE);
            if (java.nio.file.Files.isRegularFile(record)) {
                try {
                    String open = JobRecord.read(out.resolve(t.id())).open();
                    if (open != null) {
                        throw new UserException("trial " + t.id() + " has Slurm job " + open + " that no run has "
                                + "collected (" + record + "); collect it with naslab run --slurm, or scancel " + open
                                + " and run again with --slurm, so the trial does not run twice");
                    }
                } catch (java.io.IOException e) {
                    throw new UserException("cannot read " + record + ": " + e.getMessage());
                }
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        slurmOptions.requireSlurmForOptions();
        if (detach && !slurmOptions.slurm) {
            throw new UserException("--detach is for --slurm (jobs that run on their own); a local run needs its "
                    + "coordinator");
        }
        if (slurmOptions.slurm && cluster != null) {
            throw new UserException("--slurm and --cluster are two ways to run the trials; choose one");
        }
        if (slurmOptions.slurm) {
            return runOnSlurm();
        }
        if (cluster != null) {
            return runOnCluster();
        }
        ExperimentArgs.Planned planned = experiment.plan(pluginOptions, parallel);
        Study study = planned.study();
        Path out = study.output();
        Parallelism parallelism = planned.parallelism();
        int threads = study.variants().get(0).experiment().threads();
        claim(out, planned.trials());
        try (OutputLock lock = OutputLock.acquire(out, "naslab run " + experiment.file)) {
            return run(study, planned.trials(), parallelism.describe(Runtime.getRuntime().availableProcessors()), out,
                    new LocalTrialExecutor(out, parallelism.lanes(), threads,
                            ProgressDisplay.forTerminal(parallelism.lanes())));
        }
    }

    private int runOnCluster() throws Exception {
        if (parallel != null) {
            throw new UserException("--parallel is for one machine; on a cluster each worker's slots decide "
                    + "(naslab worker --slots N)");
        }
        if (pullSeconds < 1) {
            throw new UserException("--pull-seconds must be a positive integer, got " + pullSeconds);
        }
        String token = access.token();
        java.net.InetAddress bindAddress = access.bindAddress(ClusterAddress.parseList("--cluster", cluster).get(0),
                "--cluster");
        ExperimentArgs.Planned planned = experiment.planForCluster(pluginOptions, true);
        Study study = planned.study();
        Path out = study.output();
        int threads = planned.parallelism().threads();
        claim(out, planned.trials());
        try (OutputLock lock = OutputLock.acquire(out, "naslab run " + experiment.file);
                ClusterCoordinator coordinator = ClusterCoordinator.join("--cluster", cluster, bindAddress, token)) {
            String how = "cluster at " + cluster + " (this coordinator: " + coordinator.self() + "), " + threads
                    + " thread(s) per trial";
            return run(study, planned.trials(), how, out, new ClusterTrialExecutor(coordinator, out, threads,
                    PluginInventory.required(study), new LineDisplay(System.out, 15), pullSeconds, System.out));
        }
    }

    private int runOnSlurm() throws Exception {
        if (parallel != null) {
            throw new UserException("--parallel is for one machine; on Slurm every trial is a job and the cluster "
                    + "decides how many run at once");
        }
        SlurmCommands slurm = new SlurmCommands();
        slurm.requireCommands();
        ExperimentArgs.Planned planned = experiment.planForCluster(pluginOptions, false);
        Study study = planned.study();
        Path out = study.output().toAbsolutePath();
        JobScript.requirePlain(out);
        SlurmSettings settings = slurmOptions.settings(planned.parallelism().threads(),
                study.variants().get(0).experiment().device());
        claim(out, planned.trials());
        try (OutputLock lock = OutputLock.acquire(out, "naslab run " + experiment.file)) {
            SlurmTrialExecutor executor = new SlurmTrialExecutor(slurm, out, study.name(), settings,
                    slurmOptions.timeLimits(study, planned.trials(), true), new LineDisplay(System.out, 30), System.out);
            List<TrialSpec> fresh = executor.toSubmit(planned.trials());
            if (!fresh.isEmpty()) {
                // before anything is submitted: what Slurm says of a job like the trials', then whether the nodes see us
                System.out.println("naslab: slurm: " + slurm.testOnly(executor.writeScript(fresh.get(0))));
                SlurmProbe.check(slurm, out, settings, JobScript.launcher(out).get(0), System.out);
            }
            String how = "Slurm" + (settings.partition() == null ? "" : " partition " + settings.partition()) + ", "
                    + settings.cpusPerTask() + " CPU(s) and " + settings.mem() + " per job"
                    + (settings.gres() == null ? "" : ", --gres=" + settings.gres());
            if (!detach) {
                return run(study, planned.trials(), how, out, executor);
            }
            announce(study, planned.trials(), how, out);
            int running = executor.detach(planned.trials());
            System.out.println("naslab: " + running + " trial(s) run as Slurm jobs on their own; naslab status " + out
                    + " shows them, and naslab run " + experiment.file + " --slurm collects the results");
            return 0;
        }
    }

    private void announce(Study study, List<TrialSpec> trials, String how, Path out) throws java.io.IOException {
        AtomicFiles.writeString(out.resolve(RunLayout.EXPERIMENT), Mappers.YAML.writeValueAsString(study.resolved()));
        AtomicFiles.writeJson(out.resolve(RunLayout.PLAN), trials.stream().map(TrialSpec::id).toList());
        System.out.printf("naslab: %s: %d trial(s)%s -> %s; %s%n", study.name(), trials.size(),
                study.variants().size() > 1 ? " in " + study.variants().size() + " sweep variants" : "", out, how);
    }

    private int run(Study study, List<TrialSpec> trials, String how, Path out, TrialExecutor executor)
            throws Exception {
        announce(study, trials, how, out);
        List<TrialResult> results = executor.run(trials);
        ResultsTable table = new ResultsTable(results);
        table.write(out);
        System.out.println();
        table.print(System.out);
        System.out.println();
        try {
            ComparisonReport report = new ComparisonReport(List.of(RunFolder.read(out)), null);
            report.write(out);
            report.warnings().forEach(w -> System.err.println("naslab: warning: " + w));
        } catch (RuntimeException ex) {
            // the results are saved; a report that cannot be drawn must not turn a finished run into a failure
            System.err.println("naslab: warning: report not written (" + ex + "); try naslab report " + out);
        }
        System.out.println("results: " + out.resolve(RunLayout.RESULTS) + "  report: " + out.resolve(RunLayout.REPORT_HTML)
                + " (" + out.resolve(RunLayout.REPORT_MD) + ")");
        boolean failed = results.stream().anyMatch(r -> r.status() == TrialStatus.FAILED);
        return failed ? 1 : 0;
    }
}
