package dev.naslab.testkit;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Stateful;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search state in memory, as the host keeps it for an optimizer: the supernet, the epoch, the
 * batch size, registered optimizer states and the metrics the optimizer records (the last value
 * per metric, and every value in {@link #history()}).
 */
public final class TestSearchState implements SearchState {

    private final Supernet net;
    private final NDManager manager;
    private final Rng rng;
    private final Path workDir;
    private final Map<String, Stateful> registered = new LinkedHashMap<>();
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final Map<String, java.util.List<Double>> history = new LinkedHashMap<>();
    private int epoch;
    private int epochs = 1;
    private int stepsPerEpoch = 1;
    private int batchSize = 64;

    /**
     * A state for {@code net}, with a generator seeded by {@code seed}.
     *
     * @param net     the supernet being searched
     * @param manager where optimizers keep their arrays
     * @param seed    seed of {@link #rng()}
     * @param workDir the optimizer's folder (may be null when the optimizer writes nothing)
     */
    public TestSearchState(Supernet net, NDManager manager, long seed, Path workDir) {
        this.net = net;
        this.manager = manager;
        this.rng = new Rng(seed);
        this.workDir = workDir;
    }

    /** A state for {@code net} with seed 0 and no folder. */
    public TestSearchState(Supernet net, NDManager manager) {
        this(net, manager, 0, null);
    }

    /** Sets the schedule the optimizer sees; returns this state. */
    public TestSearchState schedule(int epoch, int epochs, int stepsPerEpoch) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        return this;
    }

    @Override
    public Supernet supernet() {
        return net;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int epochs() {
        return epochs;
    }

    @Override
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    @Override
    public Rng rng() {
        return rng;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public <T extends Stateful> T register(String name, T stateful) {
        registered.put(name, stateful);
        return stateful;
    }

    @Override
    public <T extends Stateful> T registered(String name, Class<T> type) {
        return type.cast(registered.get(name));
    }

    /** Every registered state by name (what the host would checkpoint). */
    public Map<String, Stateful> registered() {
        return registered;
    }

    @Override
    public void record(String metric, double value) {
        metrics.put(metric, value);
        history.computeIfAbsent(metric, k -> new java.util.ArrayList<>()).add(value);
    }

    /** The last recorded value of each metric. */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /** Every recorded value of each metric, in order. */
    public Map<String, java.util.List<Double>> history() {
        return history;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public Path workDir() {
        if (workDir == null) {
            throw new IllegalStateException("this test state has no folder: pass one to the constructor");
        }
        return workDir;
    }
}
