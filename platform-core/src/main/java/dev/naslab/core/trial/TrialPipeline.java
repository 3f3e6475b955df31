package dev.naslab.core.trial;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.ArchitectureSelector;
import dev.naslab.api.DatasetProvider;
import dev.naslab.api.Evaluator;
import dev.naslab.api.Progress;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.train.DivergedException;
import dev.naslab.api.train.Rng;
import dev.naslab.core.config.Component;
import dev.naslab.core.config.Experiment;
import dev.naslab.core.config.SearchSpec;
import dev.naslab.core.evaluate.EvaluationRunner;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.ResultRow;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.search.SearchRunner;
import dev.naslab.core.select.SelectionRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One trial, in its own JVM: load data, search (or resume), then every selector on its own copy
 * of the trained supernet, then every evaluator on every selected architecture. A loss that
 * becomes NaN ends the stage it happens in with status {@code diverged}; what was written stays.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class TrialPipeline {

    private final Experiment experiment;
    private final TrialSpec spec;
    private final Path dir;
    private final Progress progress;

    public TrialPipeline(Experiment experiment, TrialSpec spec, Path dir, Progress progress) {
        this.experiment = experiment;
        this.spec = spec;
        this.dir = dir;
        this.progress = progress;
    }

    public TrialResult run(Engine engine, Device device) throws IOException {
        Component spaceC = experiment.spaces().get(spec.space());
        SearchSpec searchC = experiment.searches().get(spec.search());
        SearchSpace space = (SearchSpace) spaceC.entry().extension();
        Record spaceSettings = spaceC.settings();
        Function<Architecture, String> format = a -> space.format(a, spaceSettings);
        Function<String, Architecture> parse = t -> space.parse(t, spaceSettings);
        writeManifest(engine, device);

        DatasetProvider dp = (DatasetProvider) experiment.dataset().entry().extension();
        DataSplits data = dp.load(experiment.dataset().settings(), spec.seed());
        InputShape shape = data.train().shape();
        int classes = data.train().classes();
        engine.setRandomSeed((int) spec.seed());
        List<ResultRow> rows = new ArrayList<>();
        String optimizerLabel = searchC.optimizer().label();
        try (NDManager root = NDManager.newBaseManager(device, engine.getEngineName())) {
            Supplier<Supernet> supernets = () -> space.supernet(spaceSettings, shape, classes,
                    Rng.derive(spec.seed(), "init"), root);
            SearchOptimizer opt = (SearchOptimizer) searchC.optimizer().entry().extension();
            SearchRunner.Outcome outcome;
            try (Supernet net = supernets.get()) {
                outcome = new SearchRunner(dir.resolve("search"), progress, format)
                        .run(opt, searchC.optimizer().settings(), net, data, spec.seed(), root);
            } catch (DivergedException e) {
                return result("diverged", "search diverged: " + e.getMessage(), Double.NaN, Double.NaN, List.of());
            }
            int batchSize = opt.schedule(searchC.optimizer().settings()).batchSize();
            for (Component sel : searchC.selection()) {
                SelectionRunner.Selected chosen;
                try {
                    chosen = new SelectionRunner(format, parse).run((ArchitectureSelector) sel.entry().extension(),
                            sel.settings(), sel.label(), supernets, outcome.checkpoint(), data, batchSize,
                            spec.seed(), dir, progress, root);
                } catch (DivergedException e) {
                    rows.add(new ResultRow(sel.label(), "-", "", Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN,
                            "diverged", "selection diverged: " + e.getMessage()));
                    continue;
                }
                if (experiment.evaluation().isEmpty()) {
                    rows.add(new ResultRow(sel.label(), "-", chosen.text(), chosen.projectedValidAccuracy(),
                            Double.NaN, 0, chosen.seconds(), 0, "ok", ""));
                }
                for (Component ev : experiment.evaluation()) {
                    try {
                        EvaluationRunner.Evaluated r = new EvaluationRunner().run((Evaluator) ev.entry().extension(),
                                ev.settings(), ev.label(), chosen.architecture(),
                                (a, rng, m) -> space.network(a, spaceSettings, shape, classes, rng, m), data,
                                spec.seed(), dir.resolve("select-" + sel.label()), progress, root);
                        rows.add(new ResultRow(sel.label(), ev.label(), chosen.text(), chosen.projectedValidAccuracy(),
                                r.evaluation().testAccuracy(), r.evaluation().parameters(), chosen.seconds(),
                                r.seconds(), "ok", ""));
                    } catch (DivergedException e) {
                        rows.add(new ResultRow(sel.label(), ev.label(), chosen.text(), chosen.projectedValidAccuracy(),
                                Double.NaN, 0, chosen.seconds(), Double.NaN, "diverged",
                                "evaluation diverged: " + e.getMessage()));
                    }
                }
            }
            boolean allOk = rows.stream().allMatch(r -> r.status().equals("ok"));
            return result(allOk ? "ok" : "diverged", allOk ? "" : "a stage diverged", outcome.seconds(),
                    outcome.validAccuracy(), rows);
        }
    }

    private TrialResult result(String status, String message, double searchSeconds, double validAcc,
            List<ResultRow> rows) {
        return new TrialResult(spec.id(), spec.seed(), experiment.spaces().get(spec.space()).label(),
                experiment.searches().get(spec.search()).optimizer().label(), status, message, searchSeconds,
                validAcc, rows);
    }

    private void writeManifest(Engine engine, Device device) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", spec.id());
        m.put("seed", spec.seed());
        m.put("engine", engine.getEngineName());
        m.put("engine_version", engine.getVersion());
        m.put("djl_version", Engine.getDjlVersion());
        m.put("device", device.toString());
        m.put("threads", experiment.threads());
        m.put("java", System.getProperty("java.version"));
        Map<String, String> plugins = new LinkedHashMap<>();
        List<Component> all = new ArrayList<>();
        all.add(experiment.dataset());
        all.add(experiment.spaces().get(spec.space()));
        all.add(experiment.searches().get(spec.search()).optimizer());
        all.addAll(experiment.searches().get(spec.search()).selection());
        all.addAll(experiment.evaluation());
        for (Component c : all) {
            plugins.put(c.kind().noun() + ":" + c.id(), c.entry().pluginId() + "@" + c.entry().version());
        }
        m.put("plugins", plugins);
        m.put("experiment", experiment.resolved());
        AtomicFiles.writeJson(dir.resolve("manifest.json"), m);
    }
}
