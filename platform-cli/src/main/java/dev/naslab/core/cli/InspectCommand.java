package dev.naslab.core.cli;

import dev.naslab.core.UserException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.base.Rng;
import dev.naslab.core.engine.EngineSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code naslab inspect SPACE}: parameter counts of a supernet or of one architecture's network. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Build a space's supernet (or the network of --arch) and print its size. "
                + "'parameters' counts trainable weights only: no alpha, no BatchNorm running statistics.")
final class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPACE", description = "Space id, e.g. nas-bench-201.")
    String spaceId;

    @Option(names = "--arch", paramLabel = "A",
            description = "An architecture string of the space, or the name of a published one (e.g. DARTS_V2).")
    String arch;

    @Option(names = "--input", paramLabel = "CxHxW", defaultValue = "3x32x32",
            description = "Input image shape (default: ${DEFAULT-VALUE}).")
    String input;

    @Option(names = "--classes", paramLabel = "K", defaultValue = "10", description = "Classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A space setting, e.g. --set channels=8.")
    List<String> sets = new ArrayList<>();

    @Mixin
    PluginOptions pluginOptions;

    @Override
    public Integer call() throws Exception {
        InputShape shape = SpaceChoice.input(input);
        if (classes < 2) {
            throw new UserException("--classes must be at least 2, got " + classes);
        }
        SpaceChoice choice = SpaceChoice.of(pluginOptions.load(), spaceId, sets, shape, classes, "naslab inspect");
        Architecture a = null;
        if (arch != null) {
            try {
                a = choice.space().parse(arch, choice.settings());
            } catch (IllegalArgumentException e) {
                throw new UserException("--arch: " + e.getMessage());
            }
        }
        EngineSetup.configure("pytorch", 1);
        Engine engine = EngineSetup.start("pytorch");
        try (NDManager m = NDManager.newBaseManager(engine.getEngineName())) {
            System.out.println("space: " + spaceId + " " + choice.settings());
            System.out.println("input: " + shape + ", classes: " + classes);
            if (a == null) {
                try (Supernet net = choice.space().supernet(choice.settings(), shape, classes, new Rng(0), m)) {
                    long alpha = net.arch().alphas().values().stream().mapToLong(x -> x.getShape().size()).sum();
                    System.out.println("network: supernet (" + net.arch().cellTypes().size() + " cell type(s))");
                    System.out.println("parameters: " + net.params().count());
                    System.out.println("alpha: " + alpha);
                }
            } else {
                try (Network net = choice.space().network(a, choice.settings(), shape, classes, new Rng(0), m)) {
                    System.out.println("network: " + choice.space().format(a, choice.settings()));
                    System.out.println("parameters: " + (net.params().count() - net.trainingOnlyParameters()));
                    if (net.trainingOnlyParameters() > 0) {
                        System.out.println("auxiliary head parameters (training only, not counted above): "
                                + net.trainingOnlyParameters());
                    }
                }
            }
        }
        return 0;
    }
}
