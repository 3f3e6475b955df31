package dev.naslab.core.trial;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.TrialStatus;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.ArchitectureSelector;
import dev.naslab.api.DatasetProvider;
import dev.naslab.api.Evaluator;
import dev.naslab.api.base.Progress;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.train.DivergedException;
import dev.naslab.api.base.Rng;
import dev.naslab.core.config.Component;
import dev.naslab.core.config.Experiment;
import dev.naslab.core.config.SearchSpec;
import dev.naslab.core.evaluate.EvaluationRunner;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.Provenance;
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
public final class TrialPipeline {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TrialPipeline.class);

    private final Experiment experiment;
    private final TrialSpec spec;
    private final Path dir;
    private final Progress progress;
    private Map<String, Object> manifest;

    public TrialPipeline(Experiment experiment, TrialSpec spec, Path dir, Progress progress) {
        this.experiment = experiment;
        this.spec = spec;
        this.dir = dir;
        this.progress = progress;
    }

    public TrialResult run(Engine engine, Device device) throws IOException {
        Component spaceC = experiment.spaces().get(spec.space());
        SearchSpace<Record> space = spaceC.extension(SearchSpace.class);
        Record spaceSettings = spaceC.settings();
        Function<Architecture, String> format = a -> space.format(a, spaceSettings);
        Function<String, Architecture> parse = t -> space.parse(t, spaceSettings);
        writeManifest(engine, device);
        writeCells(space.cellTypes(spaceSettings));

        DatasetProvider<Record> dp = experiment.dataset().extension(DatasetProvider.class);
        DataSplits data = dp.load(experiment.dataset().settings(), spec.seed());
        InputShape shape = data.train().shape();
        int classes = data.train().classes();
        engine.setRandomSeed((int) spec.seed());
        List<ResultRow> rows = new ArrayList<>();
        try (NDManager root = NDManager.newBaseManager(device, engine.getEngineName())) {
            if (spec.isBaselineTrial()) {
                Architecture fixed = parse.apply(spec.baseline().architecture());
                String text = format.apply(fixed);
                Map<String, Object> archFile = new LinkedHashMap<>();
                archFile.put("selector", "baseline");
                archFile.put("label", spec.baseline().label());
                archFile.put("architecture", text);
                archFile.put("cells", fixed.cells());
                AtomicFiles.writeJson(dir.resolve(RunLayout.BASELINE).resolve(RunLayout.ARCHITECTURE), archFile);
                evaluate(spec.baseline().label(), fixed, text, Double.NaN, 0, data, dir.resolve(RunLayout.BASELINE), space,
                        spaceSettings, shape, classes, rows, root);
                return result(status(rows), statusMessage(rows), Double.NaN, Double.NaN,
                        rows);
            }
            SearchSpec searchC = experiment.searches().get(spec.search());
            SearchOptimizer<Record> opt = searchC.optimizer().extension(SearchOptimizer.class);
            dev.naslab.api.model.ArchMixing mixing = opt.mixing(searchC.optimizer().settings());
            dev.naslab.api.model.SupernetOptions options = opt.supernetOptions(searchC.optimizer().settings());
            Supplier<Supernet> supernets = () -> {
                Supernet net = space.supernet(spaceSettings, shape, classes, options, Rng.derive(spec.seed(), "init"),
                        root);
                // every supernet of the trial mixes the optimizer's way: the search's, each selector's copy
                net.arch().use(mixing, Rng.derive(spec.seed(), "arch-parameters"));
                return net;
            };
            SearchRunner.Outcome outcome;
            try (Supernet net = supernets.get()) {
                outcome = new SearchRunner(dir.resolve(RunLayout.SEARCH), progress, format)
                        .lookingUp(experiment.benchmark() == null ? null
                                : dev.naslab.core.bench201.EpochLookup.of(experiment.benchmark()))
                        .diagnosing(experiment.diagnostics())
                        .checkpointingEvery(searchC.checkpointEvery())
                        .stoppingEarly(searchC.earlyStop(), factor -> searchC.optimizer().withSetting("weight_decay",
                                ((dev.naslab.api.BilevelSettings) searchC.optimizer().settings()).weightDecay() * factor))
                        .run(opt, searchC.optimizer().settings(), net, data, spec.seed(), root);
            } catch (DivergedException e) {
                return result(TrialStatus.DIVERGED, "search diverged: " + e.getMessage(), Double.NaN, Double.NaN, List.of());
            }
            int batchSize = opt.schedule(searchC.optimizer().settings()).batchSize();
            for (Component sel : searchC.selection()) {
                SelectionRunner.Selected chosen;
                try {
                    chosen = new SelectionRunner(format, parse,
                            (a, rng, m) -> space.network(a, spaceSettings, shape, classes, rng, m)).run(sel.<ArchitectureSelector<Record>>extension(ArchitectureSelector.class),
                            sel.settings(), sel.label(), supernets, outcome.checkpoint(), data, batchSize,
                            spec.seed(), dir, progress, root);
                } catch (DivergedException e) {
                    rows.add(new ResultRow(sel.label(), "-", "", Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN,
                            TrialStatus.DIVERGED, "selection diverged: " + e.getMessage()));
                    continue;
                }
                evaluate(sel.label(), chosen.architecture(), chosen.text(), chosen.projectedValidAccuracy(),
                        chosen.seconds(), data, dir.resolve(RunLayout.SELECT_PREFIX + sel.label()), space, spaceSettings, shape,
                        classes, rows, root);
            }
            return result(status(rows), statusMessage(rows), outcome.seconds(),
                    outcome.validAccuracy(), rows).withSearchStop(outcome.stop());
        }
    }

    /** Every evaluator on one architecture (a selected one, or a baseline's); one row each. */
    private void evaluate(String selector, Architecture architecture, String text, double projected,
            double selectSeconds, DataSplits data, Path archDir, SearchSpace space, Record spaceSettings,
            InputShape shape, int classes, List<ResultRow> rows, NDManager root) throws IOException {
        if (experiment.evaluation().isEmpty()) {
            rows.add(new ResultRow(selector, "-", text, projected, Double.NaN, 0, selectSeconds, 0, TrialStatus.OK, ""));
        }
        for (Component ev : experiment.evaluation()) {
            try {
                EvaluationRunner.Evaluated r = new EvaluationRunner().run(ev.<Evaluator<Record>>extension(Evaluator.class),
                        ev.settings(), ev.label(), architecture,
                        (a, rng, m) -> space.network(a, spaceSettings, shape, classes, rng, m), data,
                        spec.seed(), archDir, progress, root);
                rows.add(new ResultRow(selector, ev.label(), text, projected, r.evaluation().testAccuracy(),
                        r.evaluation().parameters(), selectSeconds, r.seconds(), TrialStatus.OK, "", r.evaluation().metrics()));
            } catch (DivergedException e) {
                rows.add(new ResultRow(selector, ev.label(), text, projected, Double.NaN, 0, selectSeconds,
                        Double.NaN, TrialStatus.DIVERGED, "evaluation diverged: " + e.getMessage()));
            } catch (dev.naslab.api.model.UnsupportedArchitectureException e) {
                // this architecture, not the trial: the other selectors' rows still count
                log.warn("{}: {} cannot evaluate {}'s architecture: {}", spec.id(), ev.label(), selector, e.getMessage());
                rows.add(new ResultRow(selector, ev.label(), text, projected, Double.NaN, 0, selectSeconds,
                        Double.NaN, TrialStatus.FAILED, ev.label() + ": " + e.getMessage()));
            }
        }
    }

    private static TrialStatus status(List<ResultRow> rows) {
        if (rows.stream().anyMatch(r -> r.status() == TrialStatus.FAILED)) {
            return TrialStatus.FAILED;
        }
        return rows.stream().allMatch(r -> r.status() == TrialStatus.OK) ? TrialStatus.OK : TrialStatus.DIVERGED;
    }

    private static String statusMessage(List<ResultRow> rows) {
        return switch (status(rows)) {
            case OK -> "";
            case FAILED -> "an architecture could not be evaluated (see its row)";
            case DIVERGED -> "a stage diverged";
        };
    }

    private TrialResult result(TrialStatus status, String message, double searchSeconds, double validAcc,
            List<ResultRow> rows) {
        return new TrialResult(spec.id(), spec.variant(), spec.values(), spec.seed(),
                experiment.spaces().get(spec.space()).label(), optimizerLabel(spec, experiment), status, message,
                searchSeconds, validAcc, rows);
    }

    /** The optimizer column of a trial: the search's label, or {@code baseline}. */
    public static String optimizerLabel(TrialSpec spec, Experiment experiment) {
        return spec.isBaselineTrial() ? TrialResult.BASELINE : experiment.searches().get(spec.search()).optimizer().label();
    }

    private void writeManifest(Engine engine, Device device) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", spec.id());
        m.put("variant", spec.variant());
        m.put("swept", spec.values());
        m.put("seed", spec.seed());
        m.put("started", java.time.Instant.now().toString());
        m.put("naslab_version", Provenance.naslabVersion());
        m.put("api_version", dev.naslab.core.plugin.Registry.API_VERSION);
        m.put("engine", engine.getEngineName());
        m.put("engine_version", engine.getVersion());
        m.put("djl_version", Engine.getDjlVersion());
        m.put("device", device.toString());
        m.put("threads", experiment.threads());
        m.put("layout", experiment.layout());
        m.put("machine", Provenance.machine());
        String job = System.getenv("SLURM_JOB_ID");
        if (job != null) {
            Map<String, Object> slurm = new LinkedHashMap<>();
            slurm.put("job_id", job);
            slurm.put("node", System.getenv("SLURMD_NODENAME"));
            slurm.put("restart_count", System.getenv("SLURM_RESTART_COUNT") == null ? "0"
                    : System.getenv("SLURM_RESTART_COUNT"));
            slurm.put("cpus_per_task", System.getenv("SLURM_CPUS_PER_TASK"));
            m.put("slurm", slurm);
        }
        Map<String, Object> plugins = new LinkedHashMap<>();
        List<Component> all = new ArrayList<>();
        all.add(experiment.dataset());
        all.add(experiment.spaces().get(spec.space()));
        if (!spec.isBaselineTrial()) {
            all.add(experiment.searches().get(spec.search()).optimizer());
            all.addAll(experiment.searches().get(spec.search()).selection());
        }
        all.addAll(experiment.evaluation());
        for (Component c : all) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("plugin", c.entry().pluginId());
            p.put("version", c.entry().version());
            p.put("sha256", Provenance.sha256(c.entry().source()));
            plugins.put(c.kind().noun() + ":" + c.id(), p);
        }
        m.put("plugins", plugins);
        if (spec.isBaselineTrial()) {
            m.put("baseline", spec.baseline());
        }
        m.put("experiment", experiment.resolved());
        AtomicFiles.writeJson(dir.resolve(RunLayout.MANIFEST), m);
        manifest = m;
    }

    /** The space's cell types (edges and candidate ops), so a report can draw cells and α without plugins. */
    private void writeCells(List<dev.naslab.api.model.CellType> cellTypes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (dev.naslab.api.model.CellType c : cellTypes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("edges", c.edges().stream().map(e -> List.of(e.from(), e.to())).toList());
            m.put("ops", c.edgeOps());
            m.put("inputs_per_node", c.inputsPerNode());
            out.add(m);
        }
        AtomicFiles.writeJson(dir.resolve(RunLayout.CELLS), out);
    }

    /** Records when the trial ended next to when it started. */
    public void finishManifest() {
        if (manifest != null) {
            manifest.put("finished", java.time.Instant.now().toString());
            AtomicFiles.writeJson(dir.resolve(RunLayout.MANIFEST), manifest);
        }
    }
}
