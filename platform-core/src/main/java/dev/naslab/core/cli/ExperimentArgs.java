package dev.naslab.core.cli;

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

    /** Loads and validates the file with the plugins of {@code plugins}. */
    Study load(PluginOptions plugins) throws ConfigException {
        return new ExperimentLoader(plugins.load()).load(file, sets);
    }

    /** Checks a {@code --parallel} value. */
    static void checkParallel(int parallel) {
        if (parallel < 1) {
            throw new UserException("--parallel must be a positive integer, got " + parallel);
        }
    }
}
