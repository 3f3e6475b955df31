package dev.naslab.core.cli;

import dev.naslab.core.UserException;
import dev.naslab.core.config.Experiment;
import dev.naslab.core.config.Study;
import dev.naslab.core.config.Variant;
import dev.naslab.core.plan.Calibration;
import dev.naslab.core.plan.ExperimentPlan;
import dev.naslab.core.plan.TimeEstimator;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.plan.TrialState;
import dev.naslab.core.progress.Durations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code naslab plan FILE}: the trials an experiment will run, what is reused, and how long it should take. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Dry run: list the variants and trials, what the output folder already holds (reused or "
                + "resumed), and the estimated compute time per phase, from step times measured on this machine "
                + "(cached). Nothing is trained.")
final class PlanCommand implements Callable<Integer> {

    @Mixin
    ExperimentArgs experiment;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Trials at once, for the wall-time estimate (default: what naslab run would choose).")
    Integer parallel;

    @Option(names = "--no-calibrate", description = "Use cached step times only; do not measure.")
    boolean noCalibrate;

    @Mixin
    SlurmOptions slurmOptions;

    @Mixin
    PluginOptions pluginOptions;

    @Override
    public Integer call() throws Exception {
        slurmOptions.requireSlurmForOptions();
        if (slurmOptions.slurm && parallel != null) {
            throw new UserException("--parallel is for one machine; on Slurm every trial is a job");
        }
        ExperimentArgs.Planned planned = slurmOptions.slurm ? experiment.planForCluster(pluginOptions, false)
                : experiment.plan(pluginOptions, parallel);
        Study study = planned.study();
        List<TrialSpec> trials = planned.trials();
        int lanesChosen = planned.parallelism().lanes();
        Map<String, Experiment> byVariant = study.variants().stream()
                .collect(Collectors.toMap(Variant::label, Variant::experiment));
        long baselines = trials.stream().filter(TrialSpec::isBaselineTrial).count();
        System.out.printf("%s: experiment '%s', %d trial(s)%s%s -> %s%n", experiment.file, study.name(), trials.size(),
                study.variants().size() > 1 ? " in " + study.variants().size() + " sweep variants" : "",
                baselines > 0 ? " (" + baselines + " baseline evaluations)" : "", study.output());
        if (study.variants().size() > 1) {
            for (Variant v : study.variants()) {
                System.out.println("  variant " + v.label() + ": " + v.values().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
            }
        }
        TimeEstimator estimator = new TimeEstimator(new Calibration(!noCalibrate), System.err::println);
        List<List<String>> rows = new ArrayList<>();
        double[] sum = new double[4];
        LinkedHashSet<String> notes = new LinkedHashSet<>();
        int reused = 0;
        for (TrialSpec t : trials) {
            Experiment e = byVariant.getOrDefault(t.variant(), study.variants().get(0).experiment());
            TrialState state = TrialState.of(study.output().resolve(t.id()));
            TimeEstimator.Estimate est = estimator.estimate(t, e, state);
            notes.addAll(est.notes());
            String what = state.done() ? "done, reused"
                    : state.epochsDone() > 0 ? "resumes after epoch " + state.epochsDone()
                    : state.selectionsDone() > 0 ? "selection partly done" : "new";
            reused += state.done() ? 1 : 0;
            double[] parts = {est.search(), est.select(), est.evaluate(), est.total()};
            for (int i = 0; i < 4; i++) {
                sum[i] += parts[i];
            }
            Function<Double, String> f = PlanCommand::time;
            rows.add(List.of(t.id(), what, t.isBaselineTrial() ? "-" : f.apply(parts[0]), t.isBaselineTrial() ? "-"
                    : f.apply(parts[1]), f.apply(parts[2]), f.apply(parts[3])));
        }
        rows.add(List.of("total (compute)", reused + " of " + trials.size() + " reused", time(sum[0]), time(sum[1]),
                time(sum[2]), time(sum[3])));
        print(List.of("trial", "state", "search", "select", "evaluate", "total"), rows);
        if (slurmOptions.slurm) {
            printJobs(study, trials, planned.parallelism().threads(), reused);
        } else if (!Double.isNaN(sum[3])) {
            int lanes = Math.min(lanesChosen, Math.max(1, trials.size() - reused));
            System.out.printf("estimated wall time, %s: about %s (compute / %d; trials sharing "
                    + "cores run slower than alone)%n", planned.parallelism().describe(Runtime.getRuntime()
                            .availableProcessors()), time(sum[3] / lanes), lanes);
        }
        notes.forEach(n -> System.out.println("note: " + n));
        return 0;
    }

    /** With --slurm: how many jobs, what each asks for, and each trial's time limit. */
    private void printJobs(Study study, List<TrialSpec> trials, int threads, int reused) {
        var settings = slurmOptions.settings(threads, study.variants().get(0).experiment().device());
        Function<TrialSpec, String> limits = slurmOptions.timeLimits(study, trials, !noCalibrate);
        String why = slurmOptions.time != null ? "(--time)" : "(twice the estimate, at least "
                + dev.naslab.core.slurm.TimeLimit.MIN_MINUTES + " minutes)";
        Map<String, List<String>> byLimit = new java.util.LinkedHashMap<>();
        for (TrialSpec t : trials) {
            if (!TrialState.of(study.output().resolve(t.id())).done()) {
                String l = limits.apply(t);
                byLimit.computeIfAbsent(l == null ? "the partition's default (no estimate; give --time)" : l + " " + why,
                        k -> new ArrayList<>()).add(t.id());
            }
        }
        int jobs = trials.size() - reused;
        System.out.printf("on Slurm: %d job(s), one per trial not reused, each --cpus-per-task=%d --mem=%s%s%s%n", jobs,
                settings.cpusPerTask(), settings.mem(), settings.gres() == null ? "" : " --gres=" + settings.gres(),
                settings.partition() == null ? "" : " --partition=" + settings.partition());
        byLimit.forEach((limit, ids) -> System.out.printf("  time limit %s: %s%n", limit,
                ids.size() <= 4 ? String.join(", ", ids) : ids.size() + " jobs"));
    }

    private static String time(double seconds) {
        return Double.isNaN(seconds) ? "?" : Durations.format(seconds);
    }

    private static void print(List<String> head, List<List<String>> rows) {
        int[] w = new int[head.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = head.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        System.out.println(line(head, w));
        System.out.println(line(head.stream().map(h -> "-".repeat(w[head.indexOf(h)])).toList(), w));
        for (int r = 0; r < rows.size(); r++) {
            if (r == rows.size() - 1) {
                System.out.println(line(head.stream().map(h -> "-".repeat(w[head.indexOf(h)])).toList(), w));
            }
            System.out.println(line(rows.get(r), w));
        }
    }

    private static String line(List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String fmt = i >= 2 ? "%" + w[i] + "s" : "%-" + w[i] + "s";
            sb.append(String.format(fmt, cells.get(i))).append("  ");
        }
        return sb.toString().stripTrailing();
    }
}
