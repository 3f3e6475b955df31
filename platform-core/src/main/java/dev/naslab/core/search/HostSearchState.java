package dev.naslab.core.search;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Stateful;
import java.util.LinkedHashMap;
import java.util.Map;

/** The host's {@link SearchState}: position in the schedule, registered optimizers, epoch metrics. */
public final class HostSearchState implements SearchState {

    private final Supernet supernet;
    private final int epochs;
    private int stepsPerEpoch;
    private int batchSize;
    private final java.nio.file.Path workDir;
    private final Rng rng;
    private final NDManager manager;
    private final Map<String, Stateful> registered = new LinkedHashMap<>();
    private final Map<String, double[]> metrics = new LinkedHashMap<>();
    private int epoch;

    public HostSearchState(Supernet supernet, int epochs, int stepsPerEpoch, Rng rng, NDManager manager,
            java.nio.file.Path workDir) {
        this.workDir = java.util.Objects.requireNonNull(workDir, "workDir");
        this.supernet = supernet;
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        this.rng = rng;
        this.manager = manager;
    }

    @Override
    public Supernet supernet() {
        return supernet;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    @Override
    public int epochs() {
        return epochs;
    }

    @Override
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    void setStepsPerEpoch(int steps) {
        this.stepsPerEpoch = steps;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public java.nio.file.Path workDir() {
        return workDir;
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
        Stateful s = registered.get(name);
        if (s == null) {
            throw new IllegalStateException("no optimizer state registered as '" + name + "'");
        }
        return type.cast(s);
    }

    Map<String, Stateful> registered() {
        return registered;
    }

    @Override
    public void record(String metric, double value) {
        double[] acc = metrics.computeIfAbsent(metric, k -> new double[2]);
        acc[0] += value;
        acc[1] += 1;
    }

    /** The epoch's averaged metrics, then cleared. */
    Map<String, Double> drainMetrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> out.put(k, v[0] / v[1]));
        metrics.clear();
        return out;
    }
}
