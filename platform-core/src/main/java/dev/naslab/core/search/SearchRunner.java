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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * @param seconds       search time, summed over resumed runs
     */
    public record Outcome(Path checkpoint, double validAccuracy, double seconds) {
    }

    private final Path dir;
    private final Progress progress;
    private final Function<Architecture, String> format;
    private dev.naslab.core.bench201.EpochLookup lookup;
    private dev.naslab.core.config.Diagnostics diagnostics;
    private int checkpointEvery = dev.naslab.core.config.SearchSpec.DEFAULT_CHECKPOINT_EVERY;

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

    /** Runs (or resumes, or just reports) the search. */
    public <S extends Record> Outcome run(SearchOptimizer<S> optimizer, S settings, Supernet net, DataSplits data,
            long seed, NDManager root) throws IOException {
        SearchSchedule schedule = optimizer.schedule(settings, net.arch().cellTypes());
        Rng trainRng = Rng.derive(seed, "train-order");
        Rng validRng = Rng.derive(seed, "valid-order");
        Rng augRng = Rng.derive(seed, "augment");
        Rng noiseRng = Rng.derive(seed, "forward-noise");
        net.randomSource(noiseRng);
        BatchStream train = new BatchStream(data.train().size(), schedule.batchSize(), trainRng);
        BatchStream valid = new BatchStream(data.valid().size(), schedule.batchSize(), validRng);
        Files.createDirectories(dir);
        HostSearchState state = new HostSearchState(net, schedule.epochs(), train.batchesPerEpoch(),
                Rng.derive(seed, "optimizer"), root, dir);
        state.setBatchSize(schedule.batchSize());
        optimizer.begin(state, settings);

        int start = 0;
        double elapsed = 0;
        Optional<Path> last = usableCheckpoint(schedule.epochs());
        if (last.isPresent()) {
            SupernetCheckpoint.Loaded loaded = SupernetCheckpoint.load(last.get(), net);
            state.registered().forEach(loaded::restore);
            ObjectNode meta = loaded.meta();
            start = meta.get("epochs_done").asInt();
            elapsed = meta.get("seconds").asDouble();
            trainRng.setState(meta.get("rng_train").asLong());
            validRng.setState(meta.get("rng_valid").asLong());
            augRng.setState(meta.get("rng_augment").asLong());
            noiseRng.setState(meta.path("rng_noise").asLong(noiseRng.state()));
            state.rng().setState(meta.get("rng_optimizer").asLong());
            state.setBatchSize(meta.path("batch_size").asInt(schedule.batchSize()));
            if (start >= schedule.epochs() && meta.has("valid_accuracy")) {
                return new Outcome(last.get(), meta.get("valid_accuracy").asDouble(), elapsed);
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
                final int bs = state.batchSize();
                PassResult r = RunningStatistics.kept(net.params().buffers(),
                        () -> Passes.evaluate(net, data.valid(), bs, true, root));
                validAcc = r.accuracy();
                line.put("supernet_valid_acc", validAcc);
                line.put("supernet_valid_loss", r.loss());
            }
            String derived = format.apply(Derivation.derive(net.arch()));
            line.put("architecture", derived);
            if (lookup != null) {
                line.putAll(lookup.at(derived));
            }
            if (diagnostics != null) {
                line.putAll(diagnose(net, data, lastValid, epoch + 1, schedule.epochs(), seed, noiseRng, root));
            }
            line.put("alpha", probabilities(net.arch()));
            if (!net.arch().extraParameters().isEmpty()) {
                line.put("arch_parameters", extraParameters(net.arch()));
            }
            line.put("seconds", elapsed);
            AtomicFiles.appendJsonLine(metrics, line);
            if (lastEpoch || (epoch + 1) % checkpointEvery == 0) {
                ObjectNode meta = Mappers.JSON.createObjectNode();
                meta.put("epochs_done", epoch + 1);
                meta.put("seconds", elapsed);
                meta.put("rng_train", trainRng.state());
                meta.put("rng_valid", validRng.state());
                meta.put("rng_augment", augRng.state());
                meta.put("rng_noise", noiseRng.state());
                meta.put("rng_optimizer", state.rng().state());
                meta.put("batch_size", state.batchSize());
                if (lastEpoch) {
                    meta.put("valid_accuracy", validAcc);
                }
                checkpoint = RunLayout.checkpoint(dir, epoch + 1);
                SupernetCheckpoint.save(checkpoint, net, state.registered(), meta);
            }
        }
        return new Outcome(checkpoint, validAcc, elapsed);
    }

    /** Skip counts per cell type and, when due, the Hessian's largest eigenvalue with its cost. */
    private Map<String, Object> diagnose(Supernet net, DataSplits data, int[] lastValid, int epoch, int epochs,
            long seed, Rng noiseRng, NDManager root) {
        Map<String, Object> out = new LinkedHashMap<>();
        Architecture derived = Derivation.derive(net.arch());
        for (dev.naslab.api.model.CellType c : net.arch().cellTypes()) {
            out.put("skip_connect_" + c.name(), derived.ops(c.name()).stream().filter("skip_connect"::equals).count());
        }
        if (lastValid != null && diagnostics.hessianAfter(epoch, epochs)) {
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

    /**
     * The newest complete checkpoint that is intact. A damaged one (truncated, changed on disk) is
     * renamed to {@code checkpoint-NNNN.damaged} (kept for a look, never read again) with a warning,
     * and the one before it is tried; with none left the search starts over, saying why.
     */
    Optional<Path> usableCheckpoint(int epochs) throws IOException {
        for (Optional<Path> c = latestCheckpoint(); c.isPresent(); c = latestCheckpoint()) {
            Path found = c.get();
            Optional<String> damage = SupernetCheckpoint.damage(found).or(() -> stateProblem(found, epochs));
            if (damage.isEmpty()) {
                return c;
            }
            Path aside = c.get().resolveSibling(c.get().getFileName() + ".damaged");
            SupernetCheckpoint.deleteTree(aside);
            Files.move(c.get(), aside);
            Optional<Path> previous = latestCheckpoint();
            System.err.println("naslab: warning: " + c.get() + " is damaged: " + damage.get() + "; moved to " + aside
                    + (previous.isPresent() ? "; resuming from " + previous.get().getFileName()
                    : "; no earlier checkpoint, the search starts over"));
        }
        return Optional.empty();
    }

    /** The search state a checkpoint must hold, by key: what a resume reads (rng_noise may be missing: older runs). */
    private static final List<String> INTEGRAL_KEYS = List.of("epochs_done", "rng_train", "rng_valid", "rng_augment",
            "rng_optimizer");

    /**
     * What is wrong with a checkpoint's {@code state.json} as a search state: a missing or
     * non-integral field a resume reads, {@code epochs_done} outside 1..{@code epochs}, a negative
     * time or batch size.
     */
    static Optional<String> stateProblem(Path checkpoint, int epochs) {
        JsonNode meta;
        try {
            meta = Mappers.JSON.readTree(checkpoint.resolve("state.json").toFile());
        } catch (IOException e) {
            return Optional.of("state.json is unreadable (" + e.getMessage() + ")");
        }
        for (String k : INTEGRAL_KEYS) {
            if (!meta.path(k).isIntegralNumber() || !meta.path(k).canConvertToLong()) {
                return Optional.of("state.json lacks " + k + " (or it is not an integer)");
            }
        }
        long done = meta.get("epochs_done").asLong();
        if (done < 1 || done > epochs) {
            return Optional.of("state.json says epochs_done " + done + ", but this search has 1 to " + epochs);
        }
        if (!meta.path("seconds").isNumber() || meta.get("seconds").asDouble() < 0) {
            return Optional.of("state.json lacks seconds (or it is negative)");
        }
        if (meta.has("rng_noise") && !meta.get("rng_noise").isIntegralNumber()) {
            return Optional.of("state.json's rng_noise is not an integer");
        }
        if (meta.has("batch_size") && (!meta.get("batch_size").canConvertToInt() || meta.get("batch_size").asInt() < 1)) {
            return Optional.of("state.json's batch_size is not a positive integer");
        }
        return Optional.empty();
    }

    /** The newest complete {@code checkpoint-NNNN} folder. */
    public Optional<Path> latestCheckpoint() throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> RunLayout.isCheckpoint(p.getFileName().toString()))
                    .filter(SupernetCheckpoint::complete)
                    .max(java.util.Comparator.comparing(p -> p.getFileName().toString()));
        }
    }
}
