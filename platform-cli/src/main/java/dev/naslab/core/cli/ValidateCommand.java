package dev.naslab.core.cli;

import dev.naslab.core.config.Component;
import dev.naslab.core.config.Experiment;
import dev.naslab.core.config.Study;
import dev.naslab.core.config.SearchSpec;
import dev.naslab.core.plan.ExperimentPlan;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code naslab validate FILE}: every check {@code run} does, without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment file (keys, types, ranges, plugin ids, dataset files, space settings) "
                + "and show its trials.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ExperimentArgs experiment;

    @Mixin
    PluginOptions pluginOptions;

    @Override
    public Integer call() throws Exception {
        ExperimentArgs.Planned planned = experiment.plan(pluginOptions, null);
        Study study = planned.study();
        Experiment e = study.variants().get(0).experiment();
        int trials = planned.trials().size();
        System.out.printf("%s is valid: experiment '%s', %d trial(s) on %s (%s), %s%n", experiment.file, e.name(),
                trials, e.engine(), e.device(), planned.parallelism().describe(Runtime.getRuntime()
                        .availableProcessors()));
        System.out.println("  dataset:    " + e.dataset().id());
        System.out.println("  spaces:     " + labels(e.spaces()));
        for (SearchSpec s : e.searches()) {
            System.out.println("  search:     " + s.optimizer().label() + " -> selectors " + labels(s.selection()));
        }
        System.out.println("  evaluation: " + (e.evaluation().isEmpty() ? "(none)" : labels(e.evaluation())));
        if (study.variants().size() > 1) {
            System.out.println("  sweep:      " + study.variants().size() + " variants over " + String.join(", ",
                    study.sweptKeys()) + ": " + study.variants().stream().map(v -> v.label())
                    .collect(Collectors.joining(", ")));
        }
        for (dev.naslab.core.config.Baseline b : study.baselines()) {
            System.out.println("  baseline:   " + b.label() + " (" + b.space() + "): " + b.architecture());
        }
        System.out.println("  output:     " + e.output());
        return 0;
    }

    private static String labels(List<Component> cs) {
        return cs.stream().map(c -> c.label().equals(c.id()) ? c.id() : c.label() + " (" + c.id() + ")")
                .collect(Collectors.joining(", "));
    }
}
