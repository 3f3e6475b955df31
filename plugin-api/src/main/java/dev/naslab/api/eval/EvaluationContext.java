package dev.naslab.api.eval;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.base.Progress;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.base.Rng;
import java.nio.file.Path;

/** What the host hands an {@link dev.naslab.api.Evaluator}. */
public interface EvaluationContext {

    /** {@return the trial's data: train, validation and test splits} */
    DataSplits data();

    /**
     * Builds the discrete network of {@code architecture} with the trial's space and settings.
     *
     * @param architecture the architecture
     * @param rng the seeded generator to draw from
     * @param manager the manager its arrays live in
     * @return the network, its weights initialised from rng
     */
    Network network(Architecture architecture, Rng rng, NDManager manager);

    /** {@return the trial's seed} */
    long seed();

    /** {@return a long-lived manager for the evaluation's arrays} */
    NDManager manager();

    /** {@return the evaluator's own folder} */
    Path workDir();

    /** {@return where to report progress} */
    Progress progress();

    /**
     * Saves what an interrupted evaluation needs to resume: the network's weights and buffers,
     * {@code extra} states (the optimizer's), the exact states of {@code generators} and
     * {@code counters} (epochs done, running metrics). Hosts that cannot save ignore the call.
     *
     * @since 0.2
     * @param network the network
     * @param extra further states to save or restore (optimizers), by name
     * @param generators the generators whose exact states to keep, by name
     * @param counters the counters to keep, by name
     */
    default void saveProgress(Network network, java.util.Map<String, dev.naslab.api.train.Stateful> extra,
            java.util.Map<String, Rng> generators, java.util.Map<String, Double> counters) {
        // a host without storage keeps nothing: the evaluation restarts if interrupted
    }

    /**
     * Restores what {@link #saveProgress} saved last into {@code network}, {@code extra} and
     * {@code generators} and returns its counters; empty when there is nothing to resume.
     *
     * @since 0.2
     * @param network the network
     * @param extra further states to save or restore (optimizers), by name
     * @param generators the generators whose exact states to keep, by name
     * @return the saved counters, or empty when nothing was saved
     */
    default java.util.Optional<java.util.Map<String, Double>> restoreProgress(Network network,
            java.util.Map<String, dev.naslab.api.train.Stateful> extra, java.util.Map<String, Rng> generators) {
        return java.util.Optional.empty();
    }
}
