package dev.naslab.core.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.ZeroCostProxy;
import dev.naslab.api.base.Rng;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Network;
import dev.naslab.api.train.Grads;
import dev.naslab.api.train.Passes;
import dev.naslab.api.train.Sgd;
import dev.naslab.core.UserException;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.engine.EngineSetup;
import dev.naslab.core.plugin.Kind;
import dev.naslab.core.plugin.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code naslab bench proxies}: the time of each zero-cost proxy on one architecture's network against the time of
 * one training step of that network (forward, cross-entropy, backward, SGD with momentum) on the same random batch,
 * both medians over timed repetitions after warm-up, in one run. Prints one JSON line.
 */
@Command(name = "proxies", mixinStandardHelpOptions = true,
        description = "Time zero-cost proxies on one architecture's network against one training step of it "
                + "(same random batch, medians after warm-up); prints one JSON line.")
final class ProxyBench implements Callable<Integer> {

    @Parameters(paramLabel = "SPACE", description = "Space id, e.g. nas-bench-201.")
    String spaceId;

    @Option(names = "--arch", required = true, paramLabel = "A", description = "The architecture.")
    String arch;

    @Option(names = "--proxy", required = true, paramLabel = "P", description = "A proxy to time (repeat for several).")
    List<String> proxies = new ArrayList<>();

    @Option(names = "--input", defaultValue = "3x32x32", description = "CxHxW (default: ${DEFAULT-VALUE}).")
    String input;

    @Option(names = "--classes", defaultValue = "10", description = "Classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--repeat", defaultValue = "10", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed repetitions first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--engine", defaultValue = "pytorch", description = "pytorch or mxnet (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A space setting, e.g. --set channels=8.")
    List<String> sets = new ArrayList<>();

    @Mixin
    PluginOptions pluginOptions;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws Exception {
        if (batch < 2 || repeat < 1 || warmup < 0 || threads < 1) {
            throw new UserException("--batch must be at least 2, --repeat and --threads positive, --warmup 0 or more");
        }
        EngineSetup.djlName(engine);
        InputShape shape = SpaceChoice.input(input);
        Registry registry = pluginOptions.load();
        SpaceChoice choice = SpaceChoice.of(registry, spaceId, sets, shape, classes, "naslab bench proxies");
        Architecture a;
        try {
            a = choice.space().parse(arch, choice.settings());
        } catch (IllegalArgumentException e) {
            throw new UserException("--arch: " + e.getMessage());
        }
        EngineSetup.configure(engine, threads);
        Engine e = EngineSetup.start(engine);
        List<ZeroCostProxy<Record>> chosen = new ArrayList<>();
        for (String id : proxies) {
            chosen.add((ZeroCostProxy<Record>) registry.find(Kind.PROXY, id).orElseThrow(() -> new UserException(
                    "--proxy: unknown zero-cost proxy '" + id + "'" + dev.naslab.api.Suggestions.hint(id,
                            registry.ids(Kind.PROXY)) + "; installed: " + String.join(", ", registry.ids(Kind.PROXY))))
                    .extension());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("naslab", "bench proxies");
        out.put("space", spaceId + (sets.isEmpty() ? "" : " " + String.join(" ", sets)));
        out.put("architecture", choice.space().format(a, choice.settings()));
        out.put("engine", e.getEngineName() + " " + e.getVersion());
        out.put("threads", threads);
        out.put("batch", batch);
        out.put("input", shape.toString());
        try (NDManager root = NDManager.newBaseManager(e.getEngineName());
                Network net = choice.space().network(a, choice.settings(), shape, classes, new Rng(0), root);
                Batch b = randomBatch(shape, root)) {
            Sgd sgd = new Sgd(net.params().weights(), 0.9f, 3e-4f, root).withBaseLr(0.025f);
            double step = median(() -> {
                Grads.zero(net.params().weights().values());
                Passes.backward(x -> net.forward(x, true), b);
                sgd.step(0.025f);
            });
            out.put("train_step_seconds", round(step));
            Map<String, Object> perProxy = new LinkedHashMap<>();
            for (ZeroCostProxy<Record> p : chosen) {
                Record none = p.settingsClass().getDeclaredConstructor().newInstance();
                double s = median(() -> p.score(net, b, none));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seconds", round(s));
                m.put("times_train_step", Math.round(s / step * 100) / 100.0);
                perProxy.put(p.id(), m);
            }
            out.put("proxies", perProxy);
        }
        System.out.println(Mappers.JSON.writeValueAsString(out));
        return 0;
    }

    private Batch randomBatch(InputShape shape, NDManager m) {
        Rng rng = new Rng(0);
        float[] x = new float[batch * shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        int[] labels = new int[batch];
        float[] oneHot = new float[batch * classes];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(classes);
            oneHot[i * classes + labels[i]] = 1;
        }
        return new Batch(m.create(x, new Shape(batch, shape.channels(), shape.height(), shape.width())),
                m.create(oneHot, new Shape(batch, classes)), labels);
    }

    private double median(Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] t = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(t);
        return repeat % 2 == 1 ? t[repeat / 2] : (t[repeat / 2 - 1] + t[repeat / 2]) / 2;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1e5) / 1e5;
    }
}
