package dev.naslab.core.cli;

import dev.naslab.core.UserException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.base.Rng;
import dev.naslab.core.bench.PeakMemory;
import dev.naslab.core.bench.StepBench;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.config.SettingsBinder;
import dev.naslab.core.engine.EngineSetup;
import dev.naslab.core.plugin.Kind;
import dev.naslab.core.plugin.Registry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code naslab bench}: speed measurements. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and memory.",
        subcommands = {BenchCommand.Step.class, ProxyBench.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "step", mixinStandardHelpOptions = true,
            description = "Time first-order DARTS iterations (alpha step on a validation batch, then a weight step on "
                    + "a training batch) on random data after warm-up; prints one JSON line.")
    static final class Step implements Callable<Integer> {

        /** Space settings whose peer-script option has another name. */
        private static final Map<String, String> PEER_ALIASES = Map.of("cells_per_stage", "cells");

        @Parameters(paramLabel = "SPACE", description = "Space id, e.g. nas-bench-201.")
        String spaceId;

        @Option(names = "--input", defaultValue = "3x32x32", description = "CxHxW (default: ${DEFAULT-VALUE}).")
        String input;

        @Option(names = "--classes", defaultValue = "10", description = "Classes (default: ${DEFAULT-VALUE}).")
        int classes;

        @Option(names = "--batch", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--steps", defaultValue = "10", description = "Timed iterations (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--warmup", defaultValue = "3", description = "Untimed iterations first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--engine", defaultValue = "pytorch", description = "pytorch or mxnet (default: ${DEFAULT-VALUE}).")
        String engine;

        @Option(names = "--optimizer", defaultValue = "darts", description = "Optimizer id (default: ${DEFAULT-VALUE}).")
        String optimizer;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A space setting, e.g. --set channels=8.")
        List<String> sets = new ArrayList<>();

        @Option(names = "--optimizer-set", paramLabel = "KEY=VALUE",
                description = "An optimizer setting, e.g. --optimizer-set perturbation=adversarial.")
        List<String> optimizerSets = new ArrayList<>();

        @Option(names = "--rss-at", split = ",", paramLabel = "N",
                description = "Also report resident memory after these iteration counts, e.g. 200,2000.")
        List<Integer> rssAt = new ArrayList<>();

        @Option(names = "--score", description = "Also time scoring passes (forward only, no gradients).")
        boolean score;

        @Option(names = "--peer", paramLabel = "SCRIPT",
                description = "Run this PyTorch peer script with the same shapes right after and report the ratio.")
        String peer;

        @Option(names = "--profile", paramLabel = "FILE",
                description = "Record the timed iterations with PyTorch's profiler into FILE, a Chrome trace (a new file; "
                        + "PyTorch only; the profiler's overhead is in the times printed).")
        java.nio.file.Path profile;

        @Option(names = "--python", defaultValue = "python3", description = "Python for --peer (default: ${DEFAULT-VALUE}).")
        String python;

        @Mixin
        PluginOptions pluginOptions;

        @Override
        @SuppressWarnings("unchecked")
        public Integer call() throws Exception {
            if (batch < 1 || steps < 1 || warmup < 0 || threads < 1) {
                throw new UserException("--batch, --steps and --threads must be positive, --warmup 0 or more");
            }
            EngineSetup.djlName(engine);
            if (profile != null && !engine.equals("pytorch")) {
                throw new UserException("--profile: PyTorch's profiler only; --engine " + engine + " has none in DJL");
            }
            if (profile != null && java.nio.file.Files.exists(profile)) {
                throw new UserException("--profile: " + profile + " exists; naslab does not overwrite files, name a new one");
            }
            java.nio.file.Path folder = profile == null ? null : profile.toAbsolutePath().getParent();
            if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
                throw new UserException("--profile: folder " + folder + " does not exist");
            }
            InputShape shape = SpaceChoice.input(input);
            Registry registry = pluginOptions.load();
            SpaceChoice choice = SpaceChoice.of(registry, spaceId, sets, shape, classes, "naslab bench step");
            SearchOptimizer<Record> opt = (SearchOptimizer<Record>) registry.find(Kind.OPTIMIZER, optimizer)
                    .orElseThrow(() -> new UserException("unknown optimizer '" + optimizer + "'; installed: "
                            + String.join(", ", registry.ids(Kind.OPTIMIZER))))
                    .extension();
            com.fasterxml.jackson.databind.node.ObjectNode optNode = Mappers.YAML.createObjectNode();
            List<dev.naslab.core.config.Problem> problems = new ArrayList<>();
            dev.naslab.core.config.Overrides.apply(optNode, optimizerSets, problems);
            var bound = SettingsBinder.bind(optNode, opt.settingsClass(), "--optimizer-set", problems);
            if (!problems.isEmpty() || bound.isEmpty()) {
                throw new dev.naslab.core.config.ConfigException("naslab bench step --optimizer " + optimizer, problems);
            }
            Record optSettings = bound.get();
            List<String> unbuildable = dev.naslab.core.config.PluginChecks.supernetProblems(choice.space(),
                    choice.settings(), spaceId, opt.supernetOptions(optSettings), optimizer);
            if (!unbuildable.isEmpty()) {
                throw new UserException("naslab bench step --optimizer " + optimizer + ": " + String.join("; ", unbuildable));
            }
            EngineSetup.configure(engine, threads);
            Engine e = EngineSetup.start(engine);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("naslab", "bench step");
            out.put("space", spaceId);
            out.put("optimizer", optimizer + (optimizerSets.isEmpty() ? "" : " " + String.join(" ", optimizerSets)));
            out.put("engine", e.getEngineName() + " " + e.getVersion());
            out.put("threads", threads);
            out.put("batch", batch);
            out.put("input", shape.toString());
            try (NDManager root = NDManager.newBaseManager(e.getEngineName());
                    Supernet net = choice.space().supernet(choice.settings(), shape, classes,
                            opt.supernetOptions(optSettings), new Rng(0), root)) {
                out.putAll(new StepBench(net, batch, shape.channels(), shape.height(), shape.width(), classes, root)
                        .profileTo(profile).run(opt, optSettings, warmup, steps, rssAt, score));
            }
            if (peer != null) {
                JsonNode p = runPeer(shape);
                double peerSec = p.get("seconds_per_iteration").asDouble();
                out.put("peer", p.path("peer").asText() + " " + p.path("torch").asText());
                out.put("peer_parameters", p.path("parameters").asLong());
                out.put("peer_seconds_per_iteration", peerSec);
                out.put("peer_images_per_second", p.path("images_per_second").asDouble());
                out.put("peer_peak_rss_mb", p.path("peak_rss_mb").asLong());
                out.put("speedup_vs_peer", Math.round(peerSec / (Double) out.get("seconds_per_iteration") * 1000) / 1000.0);
            }
            System.out.println(Mappers.JSON.writeValueAsString(out));
            return 0;
        }

        private JsonNode runPeer(InputShape shape) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(python, peer));
            for (String set : sets) {
                int eq = set.indexOf('=');
                String key = set.substring(0, eq);
                cmd.add("--" + PEER_ALIASES.getOrDefault(key, key));
                cmd.add(set.substring(eq + 1));
            }
            cmd.addAll(List.of("--batch", Integer.toString(batch), "--input", shape.toString(), "--classes",
                    Integer.toString(classes), "--steps", Integer.toString(steps), "--warmup", Integer.toString(warmup),
                    "--threads", Integer.toString(threads)));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            // the peer runs as it would on its own: naslab's oneDNN cap is not passed on
            pb.environment().remove("DNNL_MAX_CPU_ISA");
            Process p = pb.start();
            PeakMemory peak = PeakMemory.watch(p.pid());
            String last = null;
            StringBuilder all = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    all.append(line).append('\n');
                    if (line.startsWith("{")) {
                        last = line;
                    }
                }
            }
            int code = p.waitFor();
            long peakMb = peak.stop();
            if (code != 0 || last == null) {
                throw new UserException("--peer: " + String.join(" ", cmd) + " failed:\n" + all);
            }
            com.fasterxml.jackson.databind.node.ObjectNode out = (com.fasterxml.jackson.databind.node.ObjectNode)
                    Mappers.JSON.readTree(last);
            out.put("peak_rss_mb", peakMb);
            return out;
        }
    }
}
