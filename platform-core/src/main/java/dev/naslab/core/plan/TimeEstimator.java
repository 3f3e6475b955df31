package dev.naslab.core.plan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.ArchitectureSelector;
import dev.naslab.api.DatasetProvider;
import dev.naslab.api.Evaluator;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.plan.Workload;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.select.Derivation;
import dev.naslab.api.base.Rng;
import dev.naslab.core.bench.NetworkBench;
import dev.naslab.core.bench.StepBench;
import dev.naslab.core.config.Component;
import dev.naslab.core.config.Diagnostics;
import dev.naslab.core.config.Experiment;
import dev.naslab.core.search.AlphaHessian;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.config.SearchSpec;
import dev.naslab.core.engine.EngineSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Estimates a trial's compute time per phase from the work its plugins say they will do
 * ({@link SearchSchedule}, {@link Workload}) and step times measured on this machine
 * ({@link Calibration}). Selection's tuning steps are timed as the search's own steps, an upper
 * bound for searches whose steps cost more than a first-order one (SDARTS-ADV, second order).
 */
public final class TimeEstimator {

    /**
     * Seconds still to spend per phase; NaN where a plugin did not say or nothing could be measured.
     *
     * @param search   search (remaining epochs)
     * @param select   every selector
     * @param evaluate every evaluation
     * @param notes    why something is open
     */
    public record Estimate(double search, double select, double evaluate, List<String> notes) {

        public double total() {
            return search + select + evaluate;
        }
    }

    private final Calibration calibration;
    private final Consumer<String> log;
    private final Map<String, DataSplits> data = new HashMap<>();
    private Engine engine;
    private String engineKey;

    public TimeEstimator(Calibration calibration, Consumer<String> log) {
        this.calibration = calibration;
        this.log = log;
    }

    /**
     * The Hessian measurements still to come ({@code diagnostics:}): each takes 2n α gradients for n ≤
     * {@link AlphaHessian#FULL_UP_TO} entries, at most 2 · {@link AlphaHessian#MAX_STEPS} above, and a
     * gradient costs about half a search iteration (one of its two forward and backward passes; measured
     * 0.3–0.5 on the quickstart's and a small DARTS supernet).
     */
    static double hessianSeconds(Diagnostics d, List<CellType> cells, int epochs, int done, double step) {
        if (d == null) {
            return 0;
        }
        int n = cells.stream().mapToInt(c -> c.edges().size() * c.opCount()).sum();
        int gradients = n <= AlphaHessian.FULL_UP_TO ? 2 * n : 2 * AlphaHessian.MAX_STEPS;
        long measurements = java.util.stream.IntStream.rangeClosed(done + 1, epochs)
                .filter(epoch -> d.hessianAfter(epoch, epochs)).count();
        return measurements * gradients * step / 2;
    }

    public Estimate estimate(TrialSpec t, Experiment e, TrialState state) {
        List<String> notes = new ArrayList<>();
        if (state.done()) {
            return new Estimate(0, 0, 0, notes);
        }
        DataSplits d = data(e, t.seed());
        Component spaceC = e.spaces().get(t.space());
        SearchSpace<Record> space = spaceC.extension(SearchSpace.class);
        InputShape shape = d.train().shape();
        int classes = d.train().classes();
        double select = 0;
        double search = 0;
        int selectors = 1;
        if (!t.isBaselineTrial()) {
            SearchSpec s = e.searches().get(t.search());
            SearchOptimizer<Record> opt = s.optimizer().extension(SearchOptimizer.class);
            List<CellType> cells = space.cellTypes(spaceC.settings());
            SearchSchedule schedule = opt.schedule(s.optimizer().settings(), cells);
            int batch = schedule.batchSize();
            Optional<Calibration.Entry> times = supernetTimes(e, spaceC, s.optimizer(), shape, classes, batch);
            if (times.isEmpty()) {
                notes.add("not calibrated");
                return new Estimate(Double.NaN, Double.NaN, Double.NaN, notes);
            }
            double step = times.get().step();
            double score = times.get().score();
            double trainSteps = Math.ceil(d.train().size() / (double) batch);
            double validBatches = Math.ceil(d.valid().size() / (double) batch);
            search = Math.max(0, schedule.epochs() - state.epochsDone()) * trainSteps * step + validBatches * score
                    + hessianSeconds(e.diagnostics(), cells, schedule.epochs(), state.epochsDone(), step);
            selectors = s.selection().size();
            for (Component sel : s.selection()) {
                Optional<Workload> w = sel.<ArchitectureSelector<Record>>extension(ArchitectureSelector.class).workload(sel.settings(), cells);
                if (w.isEmpty()) {
                    notes.add(sel.label() + " does not describe its work");
                    select = Double.NaN;
                    continue;
                }
                select += w.get().trainingEpochs() * trainSteps * step + (w.get().validationPasses() + 1) * validBatches
                        * score + singleBatches(w.get(), e, spaceC, shape, classes, batch, score, notes);
            }
            select *= Math.max(0, selectors - state.selectionsDone()) / (double) selectors;
        }
        double evaluate = 0;
        for (Component ev : e.evaluation()) {
            Optional<Workload> w = ev.<Evaluator<Record>>extension(Evaluator.class).workload(ev.settings());
            if (w.isEmpty()) {
                notes.add(ev.label() + " does not describe its work");
                evaluate = Double.NaN;
                continue;
            }
            if (w.get().trainingEpochs() == 0 && w.get().validationPasses() == 0) {
                continue; // no pass over data (a benchmark lookup): nothing to time
            }
            int batch = w.get().batchSize() > 0 ? w.get().batchSize() : 64;
            Optional<Calibration.Entry> times = networkTimes(e, spaceC, shape, classes, batch);
            if (times.isEmpty()) {
                notes.add("not calibrated");
                evaluate = Double.NaN;
                continue;
            }
            int images = d.train().size() + (w.get().withValidation() ? d.valid().size() : 0);
            evaluate += w.get().trainingEpochs() * Math.ceil(images / (double) batch) * times.get().step()
                    + w.get().validationPasses() * Math.ceil(d.test().size() / (double) batch) * times.get().score();
        }
        int evaluations = selectors * e.evaluation().size();
        if (evaluations > 0) {
            evaluate *= selectors * Math.max(0, evaluations - state.evaluationsDone()) / (double) evaluations;
        }
        return new Estimate(search, select, evaluate, notes);
    }

    /**
     * Seconds of a selector's single-batch passes: the supernet's timed as the search's scoring batches (scaled
     * linearly to the selector's batch size), discrete networks' as the evaluators' networks are timed.
     */
    private double singleBatches(Workload w, Experiment e, Component spaceC, InputShape shape, int classes,
            int searchBatch, double supernetScore, List<String> notes) {
        if (w.supernetBatches() == 0 && w.networkBatches() == 0) {
            return 0;
        }
        int batch = w.batchSize() > 0 ? w.batchSize() : searchBatch;
        double seconds = w.supernetBatches() * supernetScore * batch / searchBatch;
        if (w.networkBatches() > 0) {
            Optional<Calibration.Entry> net = networkTimes(e, spaceC, shape, classes, batch);
            if (net.isEmpty()) {
                notes.add("not calibrated");
                return Double.NaN;
            }
            seconds += w.networkBatches() * net.get().score();
        }
        return seconds;
    }

    private DataSplits data(Experiment e, long seed) {
        String key;
        try {
            key = Mappers.JSON.writeValueAsString(e.dataset().resolved()) + "/" + seed;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return data.computeIfAbsent(key, k -> e.dataset().<DatasetProvider<Record>>extension(DatasetProvider.class)
                .load(e.dataset().settings(), seed));
    }

    private ObjectNode key(String kind, Experiment e, Component space, InputShape shape, int classes, int batch) {
        ObjectNode k = Mappers.JSON.createObjectNode();
        k.put("kind", kind);
        k.set("space", space.resolved());
        k.put("input", shape.toString());
        k.put("classes", classes);
        k.put("batch", batch);
        k.put("engine", e.engine());
        k.put("threads", e.threads());
        return k;
    }

    private Optional<Calibration.Entry> supernetTimes(Experiment e, Component space, Component optimizer,
            InputShape shape, int classes, int batch) {
        ObjectNode k = key("supernet", e, space, shape, classes, batch);
        ObjectNode opt = optimizer.resolved();
        opt.remove(List.of("epochs", "checkpoint_every", "label"));
        k.set("optimizer", opt);
        String what = space.label() + " supernet with " + optimizer.label() + ", batch " + batch;
        return calibration.times(k, () -> {
            log.accept("calibrating " + what + " on this machine (a few timed steps, cached in "
                    + calibration.file() + ") ...");
            Engine eng = engine(e);
            try (NDManager root = NDManager.newBaseManager(eng.getEngineName());
                    Supernet net = space.<SearchSpace<Record>>extension(SearchSpace.class).supernet(space.settings(), shape, classes,
                            optimizer.<SearchOptimizer<Record>>extension(SearchOptimizer.class)
                                    .supernetOptions(optimizer.settings()), new Rng(0), root)) {
                Map<String, Object> r = new StepBench(net, batch, shape.channels(), shape.height(), shape.width(),
                        classes, root).run(optimizer.<SearchOptimizer<Record>>extension(SearchOptimizer.class), optimizer.settings(), 1, 2,
                        List.of(), true);
                return new double[] {(Double) r.get("seconds_per_iteration"), (Double) r.get("score_seconds_per_batch")};
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private Optional<Calibration.Entry> networkTimes(Experiment e, Component space, InputShape shape, int classes,
            int batch) {
        ObjectNode k = key("network", e, space, shape, classes, batch);
        return calibration.times(k, () -> {
            log.accept("calibrating " + space.label() + " networks, batch " + batch + " on this machine ...");
            Engine eng = engine(e);
            SearchSpace<Record> sp = space.extension(SearchSpace.class);
            try (NDManager root = NDManager.newBaseManager(eng.getEngineName());
                    Supernet net = sp.supernet(space.settings(), shape, classes, new Rng(0), root);
                    Network n = sp.network(Derivation.derive(net.arch()), space.settings(), shape, classes, new Rng(0),
                            root)) {
                NetworkBench.Times times = NetworkBench.time(n, new long[] {batch, shape.channels(), shape.height(),
                    shape.width()}, classes, 1, 3, root);
                return new double[] {times.trainStep(), times.scoreStep()};
            } catch (Exception ex) {
                throw new IllegalStateException("calibrating " + space.label() + " networks failed: " + ex, ex);
            }
        });
    }

    /** The engine, started once with the first calibrated experiment's engine and threads. */
    private Engine engine(Experiment e) {
        String want = e.engine() + "/" + e.threads();
        if (engine == null) {
            EngineSetup.configure(e.engine(), e.threads());
            engine = EngineSetup.start(e.engine());
            engineKey = want;
        } else if (!engineKey.equals(want)) {
            log.accept("note: timing " + want + " with the engine already started (" + engineKey + ")");
        }
        return engine;
    }
}
