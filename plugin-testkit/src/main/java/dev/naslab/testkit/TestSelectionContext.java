package dev.naslab.testkit;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.base.Progress;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.select.SelectionContext;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Passes;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Stateful;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The selection context in memory: a supernet, data, a folder for the selector's log. Validation
 * passes run the real supernet over the validation split with batch statistics, as the host's do,
 * unless a test gives its own score ({@link #scoreWith}); {@link #evaluations()} counts them.
 * Progress saved with {@link #saveProgress} is kept in memory (counters and the states' scalars).
 */
public final class TestSelectionContext implements SelectionContext {

    private final Supernet net;
    private final DataSplits data;
    private final int batchSize;
    private final NDManager manager;
    private final long seed;
    private final Rng rng;
    private final Rng scoreRng;
    private final Path workDir;
    private final Map<String, Stateful> searchStates = new HashMap<>();
    private Function<Supernet, PassResult> score;
    private NetworkBuilder networks;
    private Map<String, Double> savedCounters;
    private int evaluations;

    /**
     * A context for selecting from {@code net}.
     *
     * @param net       the trained supernet (the selector may change it)
     * @param data      the splits ({@link TestData#splits} makes some)
     * @param batchSize the search's batch size
     * @param seed      the trial's seed; {@link #rng()} derives from it
     * @param workDir   the selector's folder
     * @param manager   where the selector keeps its arrays
     */
    public TestSelectionContext(Supernet net, DataSplits data, int batchSize, long seed, Path workDir,
            NDManager manager) {
        this.net = net;
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.rng = Rng.derive(seed, "select");
        this.scoreRng = Rng.derive(seed, "score");
        this.workDir = workDir;
        this.manager = manager;
    }

    /** Scores validation passes with {@code score} instead of running the supernet; returns this context. */
    public TestSelectionContext scoreWith(Function<Supernet, PassResult> score) {
        this.score = score;
        return this;
    }

    /** What {@link #network} builds with: a test's space, or any function of the architecture. */
    @FunctionalInterface
    public interface NetworkBuilder {
        /**
         * {@return the discrete network of {@code architecture}}
         *
         * @param architecture the architecture
         * @param rng the seeded generator its weights are drawn from
         * @param manager the manager its arrays live in
         */
        Network build(Architecture architecture, Rng rng, NDManager manager);
    }

    /** Builds discrete networks with {@code networks} when a selector asks for one; returns this context. */
    public TestSelectionContext withNetworks(NetworkBuilder networks) {
        this.networks = networks;
        return this;
    }

    /** Hands {@code state} to selectors that ask for the search's state {@code name}; returns this context. */
    public TestSelectionContext withSearchState(String name, Stateful state) {
        searchStates.put(name, state);
        return this;
    }

    /** Validation passes run so far. */
    public int evaluations() {
        return evaluations;
    }

    @Override
    public Supernet supernet() {
        return net;
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
        return manager;
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
        return Progress.NONE;
    }

    @Override
    public PassResult evaluateValid() {
        evaluations++;
        if (score != null) {
            return score.apply(net);
        }
        return Passes.evaluate(net, data.valid(), batchSize, true, manager);
    }

    /** Augmented scoring as the host does it: a fresh random order over the split and the training augmentation. */
    @Override
    public PassResult evaluateValid(dev.naslab.api.select.ScoreData kind) {
        if (kind == dev.naslab.api.select.ScoreData.PLAIN) {
            return evaluateValid();
        }
        evaluations++;
        dev.naslab.api.data.BatchStream order = new dev.naslab.api.data.BatchStream(data.valid().size(), batchSize,
                scoreRng);
        order.restartEpoch();
        PassResult sum = PassResult.EMPTY;
        for (int b = 0; b < order.batchesPerEpoch(); b++) {
            try (NDManager pass = manager.newSubManager();
                    dev.naslab.api.data.Batch batch = data.valid().batch(order.next(), data.augmentation(), scoreRng,
                            pass)) {
                sum = sum.plus(dev.naslab.api.train.Passes.evaluate(x -> net.forward(x, true), batch, true));
            }
        }
        return sum;
    }

    @Override
    public boolean restoreSearchState(String name, Stateful target) {
        Stateful s = searchStates.get(name);
        if (s == null) {
            return false;
        }
        Map<String, dev.naslab.api.train.TensorData> tensors = new HashMap<>();
        s.stateTensors().forEach((k, v) -> tensors.put(k, new dev.naslab.api.train.TensorData(v.getShape().getShape(), v.toFloatArray())));
        target.loadState(tensors, s.stateScalars());
        return true;
    }

    @Override
    public void saveProgress(Map<String, Stateful> extra, Map<String, Double> counters) {
        savedCounters = Map.copyOf(counters);
    }

    @Override
    public Optional<Map<String, Double>> restoreProgress(Map<String, Stateful> extra) {
        return Optional.ofNullable(savedCounters);
    }

    @Override
    public String format(Architecture architecture) {
        return architecture.cells().toString();
    }

    @Override
    public Network network(Architecture architecture, Rng rng,
            NDManager manager) {
        if (networks == null) {
            throw new IllegalStateException("this test context builds no networks: give it one with withNetworks(...)");
        }
        return networks.build(architecture, rng, manager);
    }
}
