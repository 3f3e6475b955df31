package dev.naslab.core.search;

import dev.naslab.core.results.RunLayout;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.base.Progress;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.data.Batch;
import dev.naslab.api.data.BatchStream;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.select.Derivation;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Passes;
import dev.naslab.api.base.Rng;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.stop.StopDecision;
import dev.naslab.core.stop.StopEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The search stage: runs an optimizer over epochs of the training split (a fresh random
 * validation batch per step), logs per-epoch metrics and the derived architecture to
 * {@code search/metrics.jsonl}, and checkpoints every N epochs to {@code search/checkpoint-<epoch>/}.
 * Run again, it resumes from the newest complete checkpoint.
 */
public final class SearchRunner {

    /**
     * What a finished search leaves.
     *
     * @param checkpoint    the final snapshot, handed to every selector
     * @param validAccuracy supernet accuracy on the whole validation split (%)
     * @param seconds       search time, summed over resumed runs (and over epochs a roll-back undid)
     * @param stop          what its early-stopping rule did, in words; empty when nothing
     */
    public record Outcome(Path checkpoint, double validAccuracy, double seconds, String stop) {
    }

    private final Path dir;
    private final Progress progress;
    private final Function<Architecture, String> format;
    private dev.naslab.core.bench201.EpochLookup lookup;
    private dev.naslab.core.config.Diagnostics diagnostics;
    private int checkpointEvery = dev.naslab.core.config.SearchSpec.DEFAULT_CHECKPOINT_EVERY;
    private dev.naslab.core.stop.EarlyStopper stopper;
    private DoubleFunction<Record> reweigh;

    public SearchRunner(Path dir, Progress progress, Function<Architecture, String> format) {
        this.dir = dir;
        this.progress = progress;
        this.format = format;
    }

    /** Adds the derived cell's benchmark numbers to every epoch's line ({@code benchmark:} of the experiment). */
    public SearchRunner lookingUp(dev.naslab.core.bench201.EpochLookup lookup) {
        this.lookup = lookup;
        return this;
    }

    /**
     * Adds the collapse diagnostics to the epochs' lines ({@code diagnostics:} of the experiment):
     * the skip connections of the derived architecture per cell type after every epoch, and the
     * largest eigenvalue of the Hessian of the validation loss w.r.t. α on the epoch's last
     * validation batch (RobustDARTS's choice), every {@code hessian_every} epochs and after the last.
     */
    public SearchRunner diagnosing(dev.naslab.core.config.Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        return this;
    }

    /** Writes a checkpoint every {@code epochs} epochs (and after the last): the search block's {@code checkpoint_every}. */
    public SearchRunner checkpointingEvery(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("checkpoint interval " + epochs + " must be positive");
        }
        this.checkpointEvery = epochs;
        return this;
    }

    /**
     * Stops the search by {@code stopper}'s rule (the search block's {@code early_stop}); {@code reweigh}
     * gives the optimizer's settings with its weight decay multiplied by a factor (DARTS-ADA's roll-backs).
     */
    public SearchRunner stoppingEarly(dev.naslab.core.stop.EarlyStopper stopper, DoubleFunction<Record> reweigh) {
        this.stopper = stopper;
        this.reweigh = reweigh;
        return this;
    }

    /** Runs (or resumes, or just reports) the search. */
    public <S extends Record> Outcome run(SearchOptimizer<S> optimizer, S settings, Supernet net, DataSplits data,
            long seed, NDManager root) throws IOException {
        Files.createDirectories(dir);
        EarlyStopping stopping = stopper == null ? null : new EarlyStopping(stopper, dir);
        while (true) {
            S current = settings;
            if (stopping != null) {
                stopping.supersede();
                Optional<StopEvent> stop = stopping.finalStop();
                if (stop.isPresent()) {
                    return new Outcome(RunLayout.checkpoint(dir, stop.get().resultEpoch()), stop.get().validAccuracy(),
                            stop.get().seconds(), stopping.summary());
                }
                if (stopping.iteration() > 0) {
                    @SuppressWarnings("unchecked") // reweigh binds the same settings class with one value changed
                    S reweighed = (S) reweigh.apply(stopping.weightDecayFactor());
                    current = reweighed;
                }
            }
            Outcome o = attempt(optimizer, current, net, data, seed, root, stopping);
            if (o != null) {
                return o;
            }
        }
    }

    /** One pass of the epoch loop, from the newest checkpoint; null when a roll-back asks for another. */
    private <S extends Record> Outcome attempt(SearchOptimizer<S> optimizer, S settings, Supernet net, DataSplits data,
            long seed, NDManager root, EarlyStopping stopping) throws IOException {
        SearchSchedule schedule = optimizer.schedule(settings, net.arch().cellTypes());
        Rng trainRng = Rng.derive(seed, "train-order");
        Rng validRng = Rng.derive(seed, "valid-order");
        Rng augRng = Rng.derive(seed, "augment");
        Rng noiseRng = Rng.derive(seed, "forward-noise");
        net.randomSource(noiseRng);
        BatchStream train = new BatchStream(data.train().size(), schedule.batchSize(), trainRng);
        BatchStream valid = new BatchStream(data.valid().size(), schedule.batchSize(), validRng);
        HostSearchState state = new HostSearchState(net, schedule.epochs(), train.batchesPerEpoch(),
                Rng.derive(seed, "optimizer"), root, dir);
        state.setBatchSize(schedule.batchSize());
        optimizer.begin(state, settings);
        int iteration = stopping == null ? 0 : stopping.iteration();

        int start = 0;
        double elapsed = 0;
        Optional<Path> last = ResumePoint.usable(dir, schedule.epochs());
        if (last.isPresent()) {
            SupernetCheckpoint.Loaded loaded = SupernetCheckpoint.load(last.get(), net);
            state.registered().forEach(loaded::restore);
            ObjectNode meta = loaded.meta();
            start = meta.get("epochs_done").asInt();
            elapsed = meta.get("seconds").asDouble();
            if (meta.path(EarlyStopping.ITERATION).asInt(0) < iteration) {
                elapsed = stopping.lastRollback().orElseThrow().seconds(); // the roll-back's checkpoint: count the epochs it undid
            }
            trainRng.setState(meta.get("rng_train").asLong());
            validRng.setState(meta.get("rng_valid").asLong());
            augRng.setState(meta.get("rng_augment").asLong());
            noiseRng.setState(meta.path("rng_noise").asLong(noiseRng.state()));
            state.rng().setState(meta.get("rng_optimizer").asLong());
            state.setBatchSize(meta.path("batch_size").asInt(schedule.batchSize()));
            if (start >= schedule.epochs() && meta.has("valid_accuracy")) {
                return new Outcome(last.get(), meta.get("valid_accuracy").asDouble(), elapsed,
                        stopping == null ? "" : stopping.summary());
            }
            System.out.println("naslab: search resuming from " + last.get().getFileName() + " (" + start + " of "
                    + schedule.epochs() + " epochs done)");
        }
        int steps = train.batchesPerEpoch();
        int batch = schedule.batchSize();
        progress.start("search", (long) schedule.epochs() * steps, (long) start * steps);
        Path metrics = dir.resolve(RunLayout.METRICS);
        keepEpochs(metrics, start);
        keepEpochs(dir.resolve(RunLayout.DECISIONS), start);
        Path checkpoint = last.orElse(null);
        double validAcc = Double.NaN;
        if (stopping != null) {
            stopping.replay(metrics);
            if (start > 0) { // a decision after the resumed epoch may not have been carried out
                Outcome o = carryOut(stopping.decide(schedule.epochs()), stopping, start, elapsed, net, data, state, root);
                if (o != null || stopping.iteration() > iteration) {
                    return o;
                }
            }
        }
        for (int epoch = start; epoch < schedule.epochs(); epoch++) {
            long t0 = System.nanoTime();
            state.setEpoch(epoch);
            if (state.batchSize() != batch) {
                batch = state.batchSize();
                // the optimizer changed the batch size (SGAS after a decision): same generators, new batching
                train = new BatchStream(data.train().size(), state.batchSize(), trainRng);
                valid = new BatchStream(data.valid().size(), state.batchSize(), validRng);
                steps = train.batchesPerEpoch();
                state.setStepsPerEpoch(steps);
            }
            train.restartEpoch();
            optimizer.onEpochStart(state, settings);
            int[] lastValid = null;
            for (int s = 0; s < steps; s++) {
                lastValid = valid.random();
                try (NDManager step = root.newSubManager();
                        Batch tb = data.train().batch(train.next(), data.augmentation(), augRng, step);
                        Batch vb = data.valid().batch(lastValid, data.augmentation(), augRng, step)) {
                    optimizer.step(state, settings, tb, vb);
                }
                progress.advance(1, "epoch " + (epoch + 1) + "/" + schedule.epochs());
            }
            optimizer.onEpochEnd(state, settings);
            elapsed += (System.nanoTime() - t0) / 1e9;
            boolean lastEpoch = epoch == schedule.epochs() - 1;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("epoch", epoch + 1);
            line.putAll(state.drainMetrics());
            if (lastEpoch) {
                PassResult r = validPass(net, data, state.batchSize(), root);
                validAcc = r.accuracy();
                line.put("supernet_valid_acc", validAcc);
                line.put("supernet_valid_loss", r.loss());
            }
            String derived = format.apply(Derivation.derive(net.arch()));
            line.put("architecture", derived);
            if (lookup != null) {
                line.putAll(lookup.at(derived));
            }
            if (diagnostics != null || stopping != null) {
                line.putAll(diagnose(net, data, lastValid, epoch + 1, schedule.epochs(), seed, noiseRng, root));
            }
            line.put("alpha", probabilities(net.arch()));
            if (!net.arch().extraParameters().isEmpty()) {
                line.put("arch_parameters", extraParameters(net.arch()));
            }
            line.put("seconds", elapsed);
            if (iteration > 0) {
                line.put(EarlyStopping.ITERATION, iteration);
            }
            AtomicFiles.appendJsonLine(metrics, line);
            boolean kept = stopping != null && stopping.stopper().mayReturn(epoch + 1);
            if (lastEpoch || (epoch + 1) % checkpointEvery == 0 || kept) {
                checkpoint = saveCheckpoint(net, state, epoch + 1, elapsed, lastEpoch ? validAcc : Double.NaN, iteration,
                        trainRng, validRng, augRng, noiseRng);
            }
            if (stopping != null) {
                stopping.add(line);
                stopping.prune(epoch + 1, checkpointEvery);
                Outcome o = carryOut(stopping.decide(schedule.epochs()), stopping, epoch + 1, elapsed, net, data, state,
                        root, trainRng, validRng, augRng, noiseRng);
                if (o != null || stopping.iteration() > iteration) {
                    return o;
                }
            }
        }
        return new Outcome(checkpoint, validAcc, elapsed, stopping == null ? "" : stopping.summary());
    }

    /** A pass of the supernet over the whole validation split, its BatchNorm statistics left as they were. */
    private static PassResult validPass(Supernet net, DataSplits data, int batchSize, NDManager root) {
        return RunningStatistics.kept(net.params().buffers(), () -> Passes.evaluate(net, data.valid(), batchSize, true, root));
    }

    private Path saveCheckpoint(Supernet net, HostSearchState state, int epochsDone, double elapsed, double validAcc,
            int iteration, Rng trainRng, Rng validRng, Rng augRng, Rng noiseRng) throws IOException {
        ObjectNode meta = Mappers.JSON.createObjectNode();
        meta.put("epochs_done", epochsDone);
        meta.put("seconds", elapsed);
        meta.put("rng_train", trainRng.state());
        meta.put("rng_valid", validRng.state());
        meta.put("rng_augment", augRng.state());
        meta.put("rng_noise", noiseRng.state());
        meta.put("rng_optimizer", state.rng().state());
        meta.put("batch_size", state.batchSize());
        if (!Double.isNaN(validAcc)) {
            meta.put("valid_accuracy", validAcc);
        }
        if (iteration > 0) {
            meta.put(EarlyStopping.ITERATION, iteration);
        }
        Path checkpoint = RunLayout.checkpoint(dir, epochsDone);
        SupernetCheckpoint.save(checkpoint, net, state.registered(), meta);
        return checkpoint;
    }

    /**
     * Carries out a stopper's decision after {@code epoch}: a stop records itself with the returned
     * supernet's validation accuracy and ends the search (its checkpoint written first if this epoch
     * had none); a simulated stop is recorded; a roll-back is recorded, and the caller starts again.
     *
     * @return the search's outcome when it stopped, else null
     */
    private Outcome carryOut(StopDecision d, EarlyStopping stopping, int epoch, double elapsed,
            Supernet net, DataSplits data, HostSearchState state, NDManager root, Rng... rngs) throws IOException {
        String rule = stopping.stopper().rule();
        if (d instanceof StopDecision.Simulate sim) {
            stopping.record(new StopEvent(StopEvent.SIMULATE, rule, epoch, sim.resultEpoch(), sim.reason(),
                    stopping.architectureAfter(sim.resultEpoch()), 0, Double.NaN, elapsed));
        } else if (d instanceof StopDecision.Adapt a) {
            stopping.record(new StopEvent(StopEvent.ADAPT, rule, epoch, a.rollbackEpoch(), a.reason(),
                    stopping.architectureAfter(a.rollbackEpoch()), a.weightDecayFactor(), Double.NaN, elapsed));
        } else if (d instanceof StopDecision.Stop stop) {
            Path result = RunLayout.checkpoint(dir, stop.resultEpoch());
            if (!SupernetCheckpoint.complete(result)) {
                if (stop.resultEpoch() != epoch || rngs.length == 0) {
                    throw new dev.naslab.core.UserException(rule + " returned epoch " + stop.resultEpoch() + "'s supernet, "
                            + "but " + result + " is not there (a trial moved to another cluster member gets the newest "
                            + "two checkpoints only); run the trial again from the start");
                }
                saveCheckpoint(net, state, epoch, elapsed, Double.NaN, stopping.iteration(), rngs[0], rngs[1], rngs[2],
                        rngs[3]);
            }
            SupernetCheckpoint.load(result, net);
            double acc = validPass(net, data, state.batchSize(), root).accuracy();
            stopping.record(new StopEvent(StopEvent.STOP, rule, epoch, stop.resultEpoch(), stop.reason(),
                    stopping.architectureAfter(stop.resultEpoch()), 0, acc, elapsed));
            return new Outcome(result, acc, elapsed, stopping.summary());
        }
        return null;
    }

    /** Skip counts per cell type and, when due, the Hessian's largest eigenvalue with its cost. */
    private Map<String, Object> diagnose(Supernet net, DataSplits data, int[] lastValid, int epoch, int epochs,
            long seed, Rng noiseRng, NDManager root) {
        Map<String, Object> out = new LinkedHashMap<>();
        Architecture derived = Derivation.derive(net.arch());
        for (dev.naslab.api.model.CellType c : net.arch().cellTypes()) {
            out.put("skip_connect_" + c.name(), derived.ops(c.name()).stream().filter("skip_connect"::equals).count());
        }
        if (lastValid != null && diagnostics != null && diagnostics.hessianAfter(epoch, epochs)) {
            try (NDManager probe = root.newSubManager();
                    Batch vb = data.valid().batch(lastValid, dev.naslab.api.data.Augmentation.NONE, null, probe)) {
                HessianProbe.Measurement m = HessianProbe.measure(net, vb, Rng.derive(seed, "hessian").nextLong());
                out.put("hessian_eigenvalue", m.eigenvalue());
                out.put("hessian_gradients", m.gradients());
                out.put("hessian_seconds", m.seconds());
            } finally {
                net.randomSource(noiseRng); // the probe's own noise source is put back to the search's
            }
        }
        return out;
    }

    /** The mixing's strengths (softmax(α) by default) per cell type and edge, decided edges one-hot, to 4 decimals (the report's α trajectories). */
    static Map<String, double[][]> probabilities(dev.naslab.api.model.ArchState arch) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (dev.naslab.api.model.CellType c : arch.cellTypes()) {
            float[][] p = arch.strengths(c.name());
            double[][] rounded = new double[p.length][];
            for (int e = 0; e < p.length; e++) {
                rounded[e] = new double[p[e].length];
                for (int k = 0; k < p[e].length; k++) {
                    rounded[e][k] = Math.round(p[e][k] * 1e4) / 1e4;
                }
            }
            out.put(c.name(), rounded);
        }
        return out;
    }

    /** The extra architecture parameters' values (PC-DARTS's β), flat, to 4 decimals. */
    static Map<String, double[]> extraParameters(dev.naslab.api.model.ArchState arch) {
        Map<String, double[]> out = new LinkedHashMap<>();
        arch.extraParameters().forEach((name, a) -> {
            float[] v = a.toFloatArray();
            double[] rounded = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                rounded[i] = Math.round(v[i] * 1e4) / 1e4;
            }
            out.put(name, rounded);
        });
        return out;
    }

    /** Drops metric lines of epochs after {@code done}: they are about to be run again. */
    private static void keepEpochs(Path metrics, int done) throws IOException {
        if (!Files.exists(metrics)) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        for (String line : Files.readAllLines(metrics)) {
            var n = Mappers.JSON.readTree(line);
            if (n.path("epoch").asInt() <= done) {
                kept.append(line).append('\n');
            }
        }
        AtomicFiles.writeString(metrics, kept.toString());
    }
}
