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

/**
 * {@code naslab inspect SPACE}: parameter counts of a supernet or of one architecture's network; with
 * {@code --arch-file} and {@code --proxy}, zero-cost proxies of many architectures.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Build a space's supernet (or the network of --arch) and print its size. "
                + "'parameters' counts trainable weights only: no alpha, no BatchNorm running statistics.",
            "With --arch-file F and --proxy P...: one line per architecture of F (one per line; # comments), "
                + "the architecture then <proxy>=<value> pairs, tab-separated, in F's order. Each network is "
                + "built with --seed and scored on one batch of random images and labels drawn from it "
                + "(data-free proxies read only its shape)."})
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

    @Option(names = "--arch-file", paramLabel = "FILE", description = "Architectures to score, one per line.")
    java.nio.file.Path archFile;

    @Option(names = "--proxy", paramLabel = "P", description = "A zero-cost proxy to compute for each architecture of "
            + "--arch-file (repeat for several), e.g. synflow, params, nwot; 'naslab plugins' lists them.")
    List<String> proxies = new ArrayList<>();

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "Images in the random batch proxies score on (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the networks' initialisation and of the random batch (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "pytorch",
            description = "pytorch or mxnet (default: ${DEFAULT-VALUE}).")
    String engineName;

    @Mixin
    PluginOptions pluginOptions;

    @Override
    public Integer call() throws Exception {
        InputShape shape = SpaceChoice.input(input);
        if (classes < 2) {
            throw new UserException("--classes must be at least 2, got " + classes);
        }
        var registry = pluginOptions.load();
        SpaceChoice choice = SpaceChoice.of(registry, spaceId, sets, shape, classes, "naslab inspect");
        if (archFile != null || !proxies.isEmpty()) {
            return proxies(registry, choice, shape);
        }
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

    private int proxies(dev.naslab.core.plugin.Registry registry, SpaceChoice choice, InputShape shape) {
        if (archFile == null || proxies.isEmpty()) {
            throw new UserException(archFile == null ? "--proxy needs --arch-file FILE (architectures, one per line)"
                    : "--arch-file needs at least one --proxy P");
        }
        if (arch != null) {
            throw new UserException("--arch and --arch-file: give one of them (put the architecture in the file)");
        }
        if (batch < 2) {
            throw new UserException("--batch must be at least 2 (NASWOT and jacov compare images), got " + batch);
        }
        String engineId = engineName.toLowerCase(java.util.Locale.ROOT);
        if (!engineId.equals("pytorch") && !engineId.equals("mxnet")) {
            throw new UserException("--engine '" + engineName + "' is not allowed: pytorch, mxnet");
        }
        EngineSetup.configure(engineId, 1);
        Engine engine = EngineSetup.start(engineId);
        ProxyLines lines = ProxyLines.of(registry, choice, proxies, shape, classes, engine.getEngineName());
        List<Architecture> archs = lines.read(archFile);
        try (NDManager m = NDManager.newBaseManager(engine.getEngineName())) {
            lines.print(archs, batch, seed, m, System.out);
        }
        return 0;
    }
}
