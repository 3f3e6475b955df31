package dev.naslab.core.cli;

import dev.naslab.core.UserException;
import ai.djl.engine.Engine;
import dev.naslab.core.engine.EngineSetup;
import dev.naslab.core.parity.EngineParity;
import dev.naslab.core.parity.ParityCheck;
import dev.naslab.core.plugin.Kind;
import dev.naslab.core.plugin.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code naslab parity}: PyTorch and MXNet on the same weights. */
@Command(name = "parity", mixinStandardHelpOptions = true,
        description = {"Check that PyTorch and MXNet compute the same numbers on the same weights: a space's "
                + "supernet (logits, weight and alpha gradients, one first-order DARTS iteration) and every published "
                + "architecture's network (logits, gradients). Differences are relative to the PyTorch values' scale; "
                + "tolerances 1e-4 for logits, 1e-3 for gradients and the iteration.",
            "Each check is also run on PyTorch with the input nudged by 1e-6 (relative): when that alone moves the result by a tenth of the tolerance, a difference is reported inconclusive, not failed. Exit 0 when no check failed, 1 otherwise."})
final class ParityCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPACE", arity = "0..1",
            description = "Space id (default: every installed space at its default settings).")
    String spaceId;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A space setting, e.g. --set channels=8.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--architecture", paramLabel = "TEXT",
            description = "Check this architecture's network instead of the published ones (the space's architecture string; repeatable).")
    List<String> architectures = new ArrayList<>();

    @Option(names = "--optimizer", paramLabel = "ID",
            description = "Check the supernet this optimizer searches, with its default settings: its supernet options "
                    + "(e.g. pc-darts's partial channels) and its evaluation mixing, extra architecture parameters included.")
    String optimizer;

    @Option(names = "--input", defaultValue = "3x8x8",
            description = "CxHxW (default: ${DEFAULT-VALUE}: small on purpose, see the README's engineering notes).")
    String input;

    @Option(names = "--classes", defaultValue = "10", description = "Classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--batch", defaultValue = "4", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of weights and batches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    PluginOptions pluginOptions;

    @Override
    public Integer call() throws Exception {
        if (batch < 2 || threads < 1) {
            throw new UserException("--batch must be 2 or more (batch statistics), --threads positive");
        }
        if (spaceId == null && !sets.isEmpty()) {
            throw new UserException("--set needs a SPACE: settings differ between spaces");
        }
        Registry registry = pluginOptions.load();
        List<String> ids = spaceId != null ? List.of(spaceId) : registry.ids(Kind.SPACE);
        List<SpaceChoice> choices = new ArrayList<>();
        for (String id : ids) {
            choices.add(SpaceChoice.of(registry, id, sets, SpaceChoice.input(input), classes, "naslab parity"));
        }
        dev.naslab.api.model.SupernetOptions options = dev.naslab.api.model.SupernetOptions.NONE;
        dev.naslab.api.model.ArchMixing mixing = dev.naslab.api.model.ArchMixing.SOFTMAX;
        if (optimizer != null) {
            @SuppressWarnings("unchecked")
            dev.naslab.api.SearchOptimizer<Record> opt = (dev.naslab.api.SearchOptimizer<Record>) registry
                    .find(Kind.OPTIMIZER, optimizer).orElseThrow(() -> new UserException("unknown optimizer '" + optimizer
                            + "'; installed: " + String.join(", ", registry.ids(Kind.OPTIMIZER)))).extension();
            List<dev.naslab.core.config.Problem> problems = new ArrayList<>();
            Record settings = dev.naslab.core.config.SettingsBinder.bind(
                    dev.naslab.core.config.Mappers.YAML.createObjectNode(), opt.settingsClass(), "--optimizer", problems)
                    .orElseThrow(() -> new dev.naslab.core.config.ConfigException("naslab parity --optimizer " + optimizer,
                            problems));
            options = opt.supernetOptions(settings);
            mixing = opt.mixing(settings);
            for (int i = 0; i < ids.size(); i++) {
                List<String> unbuildable = dev.naslab.core.config.PluginChecks.supernetProblems(choices.get(i).space(),
                        choices.get(i).settings(), ids.get(i), options, optimizer);
                if (!unbuildable.isEmpty()) {
                    throw new UserException("naslab parity --optimizer " + optimizer + ": " + String.join("; ", unbuildable));
                }
            }
        }
        EngineSetup.configure("pytorch", threads);
        Engine pytorch = EngineSetup.start("pytorch");
        Engine mxnet = EngineSetup.start("mxnet");
        System.out.printf("naslab parity: %s %s (reference) vs %s %s, batch %d of %s, seed %d%n",
                pytorch.getEngineName(), pytorch.getVersion(), mxnet.getEngineName(), mxnet.getVersion(), batch, input,
                seed);
        int total = 0;
        int failed = 0;
        int inconclusive = 0;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            SpaceChoice c = choices.get(i);
            List<ParityCheck> checks = new EngineParity<>(c.space(), c.settings(), SpaceChoice.input(input), classes,
                    batch, seed).withArchitectures(architectures).withSupernet(options, mixing).run(pytorch, mxnet, r -> System.out.printf(
                            "%-14s %-44s %9.2e <= %.0e  %-12s (sensitivity %.1e)%s%n", id, r.what(), r.relative(),
                            r.tolerance(), r.verdict(), r.sensitivity(),
                            r.worst().isEmpty() ? "" : "  worst: " + r.worst()));
            total += checks.size();
            failed += (int) checks.stream().filter(r -> r.verdict() == ParityCheck.Verdict.FAILED).count();
            inconclusive += (int) checks.stream().filter(r -> r.verdict() == ParityCheck.Verdict.INCONCLUSIVE).count();
        }
        System.out.printf("%d of %d checks within tolerance, %d failed, %d inconclusive%n", total - failed - inconclusive,
                total, failed, inconclusive);
        if (inconclusive > 0) {
            System.out.println("inconclusive: at this size the reference engine's own result moves by a tenth of the "
                    + "tolerance when its input is nudged by " + EngineParity.NUDGE + " (ReLU/max-pool kinks, BatchNorm "
                    + "over few values), so rounding alone can explain the difference; check again with fewer "
                    + "cells or channels, e.g. --input 3x8x8 and the space's smallest settings");
        }
        return failed == 0 ? 0 : 1;
    }
}
