package dev.naslab.core.cli;

import dev.naslab.core.UserException;
import dev.naslab.core.config.ConfigException;
import dev.naslab.core.config.ExperimentLoader;
import dev.naslab.core.config.Study;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An experiment file with its {@code --set} overrides; shared by run, validate and plan. */
final class ExperimentArgs {

    @Parameters(paramLabel = "FILE", description = "The experiment YAML file.")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a key, e.g. --set search.epochs=2 --set engine=mxnet (repeatable).")
    List<String> sets = new ArrayList<>();

    private String text;

    /** Loads and validates the file with the plugins of {@code plugins}. */
    Study load(PluginOptions plugins) throws ConfigException {
        return load(new ExperimentLoader(plugins.load()), sets);
    }

    /** The file read once: a command that validates twice (with the threads it chose) sees one text. */
    private Study load(ExperimentLoader loader, List<String> overrides) throws ConfigException {
        if (text == null) {
            text = ExperimentLoader.read(file);
        }
        return loader.parseStudy(file.toString(), text, overrides);
    }

    /** The user's {@code --set} overrides and one more, chosen by naslab (the user's list is left as given). */
    private List<String> setsWith(String chosen) {
        List<String> all = new ArrayList<>(sets);
        all.add(chosen);
        return all;
    }

    /** A loaded experiment with its trials and how they will share the cores. */
    record Planned(Study study, java.util.List<dev.naslab.core.plan.TrialSpec> trials, Parallelism parallelism) {
    }

    /**
     * Loads the file and chooses the parallelism ({@link Parallelism}); when naslab chooses the
     * threads, the experiment is loaded again with them, so trials, plans and manifests all carry
     * the number the trials run with.
     */
    Planned plan(PluginOptions plugins, Integer parallel) throws ConfigException {
        if (parallel != null) {
            checkParallel(parallel);
        }
        ExperimentLoader loader = new ExperimentLoader(plugins.load()); // plugins started once, even if loaded twice
        Study study = load(loader, sets);
        var trials = dev.naslab.core.plan.ExperimentPlan.trials(study, plugins.roots(), plugins.development);
        int cores = Runtime.getRuntime().availableProcessors();
        Integer threads = Parallelism.threadsGiven(text, sets) ? study.variants().get(0).experiment().threads() : null;
        Parallelism p = Parallelism.choose(parallel, threads, trials.size(), cores);
        if (p.chosen()) {
            study = load(loader, setsWith("threads=" + p.threads()));
            trials = dev.naslab.core.plan.ExperimentPlan.trials(study, plugins.roots(), plugins.development);
        }
        return new Planned(study, trials, p);
    }

    /**
     * Loads the file for a cluster run: the workers' slots decide how many trials run at once, so
     * a file that leaves {@code threads} open runs one-thread trials (a worker then runs as many as
     * it has cores, the same choice as on one machine). With {@code dataElsewhere} (Hazelcast workers
     * read their own copies) data this machine cannot read is a warning; on Slurm's shared file
     * system it is an error, as on one machine.
     */
    Planned planForCluster(PluginOptions plugins, boolean dataElsewhere) throws ConfigException {
        java.util.Set<String> warned = new java.util.LinkedHashSet<>();
        ExperimentLoader loader = new ExperimentLoader(plugins.load());
        if (dataElsewhere) {
            loader = loader.dataElsewhere(warned::add);
        }
        if (text == null) {
            text = ExperimentLoader.read(file);
        }
        Study study = load(loader, Parallelism.threadsGiven(text, sets) ? sets : setsWith("threads=1"));
        var trials = dev.naslab.core.plan.ExperimentPlan.trials(study, plugins.roots(), plugins.development);
        warned.forEach(w -> System.err.println("naslab: warning: " + w));
        int threads = study.variants().get(0).experiment().threads();
        return new Planned(study, trials, new Parallelism(0, threads, false));
    }

    /** Checks a {@code --parallel} value. */
    static void checkParallel(int parallel) {
        if (parallel < 1) {
            throw new UserException("--parallel must be a positive integer, got " + parallel);
        }
    }
}
