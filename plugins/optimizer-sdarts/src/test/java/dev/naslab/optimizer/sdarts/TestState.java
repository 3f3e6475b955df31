package dev.naslab.optimizer.sdarts;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.train.Rng;
import dev.naslab.api.train.Stateful;
import java.util.HashMap;
import java.util.Map;

/** A minimal SearchState for optimizer tests (a shared test kit is issue 11). */
final class TestState implements SearchState {

    final Supernet net;
    final NDManager manager;
    final Map<String, Stateful> reg = new HashMap<>();
    final Map<String, Double> metrics = new HashMap<>();
    final Rng rng = new Rng(0);

    TestState(Supernet net, NDManager manager) {
        this.net = net;
        this.manager = manager;
    }

    @Override
    public Supernet supernet() {
        return net;
    }

    @Override
    public int epoch() {
        return 0;
    }

    @Override
    public int epochs() {
        return 1;
    }

    @Override
    public int stepsPerEpoch() {
        return 1;
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
        reg.put(name, stateful);
        return stateful;
    }

    @Override
    public <T extends Stateful> T registered(String name, Class<T> type) {
        return type.cast(reg.get(name));
    }

    @Override
    public void record(String metric, double value) {
        metrics.put(metric, value);
    }
}
