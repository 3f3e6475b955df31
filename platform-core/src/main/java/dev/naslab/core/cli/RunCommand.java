package dev.naslab.core.cli;

import dev.naslab.core.config.Study;
import dev.naslab.core.plan.ExperimentPlan;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.progress.ProgressDisplay;
import dev.naslab.core.report.ComparisonReport;
import dev.naslab.core.report.ResultsTable;
import dev.naslab.core.report.RunFolder;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.OutputLock;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.trial.TrialRunner;
import dev.naslab.core.config.Mappers;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code naslab run FILE}: validate, plan, run every trial, print and save the results table. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment: one child JVM per trial (seed x space x search); results go to "
                + "runs/<name>/ (results.csv, report.html, report.md, summary.csv). Re-running resumes unfinished work.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ExperimentArgs experiment;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Trials run at once (default: as many one-thread trials as there are cores, or cores / "
                    + "threads when the file sets threads).")
    Integer parallel;

    @Mixin
    PluginOptions pluginOptions;

    @Override
    public Integer call() throws Exception {
        ExperimentArgs.Planned planned = experiment.plan(pluginOptions, parallel);
        Study study = planned.study();
        Path out = study.output();
        try (OutputLock lock = OutputLock.acquire(out, "naslab run " + experiment.file)) {
            return run(study, planned.trials(), planned.parallelism(), out);
        }
    }

    private int run(Study study, List<TrialSpec> trials, Parallelism parallelism, Path out) throws Exception {
        AtomicFiles.writeString(out.resolve("experiment.yaml"), Mappers.YAML.writeValueAsString(study.resolved()));
        AtomicFiles.writeJson(out.resolve("plan.json"), trials.stream().map(TrialSpec::id).toList());
        System.out.printf("naslab: %s: %d trial(s)%s -> %s; %s%n", study.name(), trials.size(),
                study.variants().size() > 1 ? " in " + study.variants().size() + " sweep variants" : "", out,
                parallelism.describe(Runtime.getRuntime().availableProcessors()));
        int threads = study.variants().get(0).experiment().threads();
        List<TrialResult> results = new TrialRunner(out, parallelism.lanes(), threads,
                ProgressDisplay.forTerminal(parallelism.lanes())).run(trials);
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
        System.out.println("results: " + out.resolve("results.csv") + "  report: " + out.resolve("report.html")
                + " (" + out.resolve("report.md") + ")");
        boolean failed = results.stream().anyMatch(r -> r.status().equals("failed"));
        return failed ? 1 : 0;
    }
}
