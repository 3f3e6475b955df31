package dev.naslab.core.select;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.base.Progress;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.select.SelectionContext;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Stateful;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.evaluate.EvaluationRunner.NetworkFactory;
import dev.naslab.core.search.SupernetCheckpoint;
import dev.naslab.api.train.Passes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The host's {@link SelectionContext} for one selector on one trial's trained supernet. */
final class HostSelectionContext implements SelectionContext {

    private final Supernet supernet;
    private final DataSplits data;
    private final int batchSize;
    private final long seed;
    private final Rng rng;
    /** Order and augmentation of augmented scoring passes, apart from the selector's own generator. */
    private final Rng scoreRng;
    private final Path workDir;
    private final Progress progress;
    private final SupernetCheckpoint.Loaded search;
    private final Function<Architecture, String> format;
    private final NetworkFactory networks;
    private final NDManager root;
    private final long started = System.nanoTime();
    private double previousSeconds;

    HostSelectionContext(Supernet supernet, DataSplits data, int batchSize, long seed, Rng rng, Path workDir,
            Progress progress, SupernetCheckpoint.Loaded search, Function<Architecture, String> format,
            NetworkFactory networks, NDManager root) {
        this.supernet = supernet;
        // forward-pass noise (S4) of the selection: seeded, independent of the search's stream
        supernet.randomSource(Rng.derive(seed, "selection-forward-noise/" + workDir.getFileName()));
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.rng = rng;
        this.scoreRng = Rng.derive(seed, "score-data");
        this.workDir = workDir;
        this.progress = progress;
        this.search = search;
        this.format = format;
        this.networks = networks;
        this.root = root;
    }

    @Override
    public Supernet supernet() {
        return supernet;
    }

    @Override
    public DataSplits data() {
        return data;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public NDManager manager() {
        return root;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Rng rng() {
        return rng;
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public Progress progress() {
        return progress;
    }

    @Override
    public PassResult evaluateValid() {
        return Passes.evaluate(supernet, data.valid(), batchSize, true, root);
    }

    /** Augmented scoring: a fresh random order over the whole split and the training augmentation. */
    @Override
    public PassResult evaluateValid(dev.naslab.api.select.ScoreData kind) {
        if (kind == dev.naslab.api.select.ScoreData.PLAIN) {
            return evaluateValid();
        }
        dev.naslab.api.data.BatchStream order = new dev.naslab.api.data.BatchStream(data.valid().size(), batchSize,
                scoreRng);
        order.restartEpoch();
        PassResult sum = PassResult.EMPTY;
        for (int b = 0; b < order.batchesPerEpoch(); b++) {
            try (NDManager pass = root.newSubManager();
                    dev.naslab.api.data.Batch batch = data.valid().batch(order.next(), data.augmentation(), scoreRng,
                            pass)) {
                sum = sum.plus(Passes.evaluate(x -> supernet.forward(x, true), batch, true));
            }
        }
        return sum;
    }

    @Override
    public boolean restoreSearchState(String name, Stateful target) {
        return search.restore(name, target);
    }

    @Override
    public void saveProgress(Map<String, Stateful> extra, Map<String, Double> counters) {
        ObjectNode meta = Mappers.JSON.createObjectNode();
        ObjectNode c = meta.putObject("counters");
        counters.forEach(c::put);
        meta.put("rng", rng.state());
        meta.put("rng_score", scoreRng.state());
        meta.put("seconds", seconds());
        try {
            SupernetCheckpoint.save(workDir.resolve("progress"), supernet, extra, meta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save selection progress in " + workDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Map<String, Double>> restoreProgress(Map<String, Stateful> extra) {
        Path dir = workDir.resolve("progress");
        if (!SupernetCheckpoint.complete(dir)) {
            return Optional.empty();
        }
        try {
            SupernetCheckpoint.Loaded loaded = SupernetCheckpoint.load(dir, supernet);
            extra.forEach(loaded::restore);
            rng.setState(loaded.meta().get("rng").asLong());
            scoreRng.setState(loaded.meta().path("rng_score").asLong(scoreRng.state()));
            previousSeconds = loaded.meta().path("seconds").asDouble();
            Map<String, Double> counters = new HashMap<>();
            loaded.meta().path("counters").fields().forEachRemaining(e -> counters.put(e.getKey(), e.getValue().asDouble()));
            return Optional.of(counters);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume selection from " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String format(Architecture architecture) {
        return format.apply(architecture);
    }

    @Override
    public Network network(Architecture architecture, Rng rng, NDManager manager) {
        return networks.build(architecture, rng, manager);
    }

    /** Selection time so far, including earlier interrupted runs. */
    double seconds() {
        return previousSeconds + (System.nanoTime() - started) / 1e9;
    }
}
