package dev.naslab.api.select;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.base.Progress;
import dev.naslab.api.base.Rng;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Stateful;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the host hands an {@link dev.naslab.api.ArchitectureSelector}: its own copy of the
 * trained supernet, the data, evaluation services, a work folder and resumable state.
 */
public interface SelectionContext {

    /** {@return this selector's copy of the trained supernet (weights, α, decisions)} */
    Supernet supernet();

    /** {@return the trial's data: train, validation and test splits} */
    DataSplits data();

    /** {@return the search's batch size} */
    int batchSize();

    /** {@return a long-lived manager for the selector's arrays (per-step sub-managers come from it)} */
    NDManager manager();

    /** {@return the trial's seed} */
    long seed();

    /** {@return a generator derived from the trial's seed and the selector's id} */
    Rng rng();

    /** {@return the selector's own folder ({@code select-<id>/}) for logs such as {@code decisions.jsonl}} */
    Path workDir();

    /** {@return where to report progress} */
    Progress progress();

    /**
     * Loss and accuracy of the supernet on the whole validation split with its current mixing
     * weights (decisions and masks applied), BatchNorm on batch statistics, no gradients.
     *
     * @return loss and accuracy of the supernet on the whole validation split with its current mixing weights (decisions and masks applied), BatchNorm on batch statistics, no gradients
     */
    PassResult evaluateValid();

    /**
     * Like {@link #evaluateValid()}, reading the validation split as {@code data} says; the random
     * order and augmentation of {@link ScoreData#AUGMENTED} come from a generator of the selection
     * that is saved with its progress.
     *
     * @param data plain (the same as {@link #evaluateValid()}) or augmented
     * @return loss and accuracy over the validation split
     * @since 0.2
     */
    PassResult evaluateValid(ScoreData data);

    /**
     * The state the search registered under {@code name} (e.g. the α optimizer), restored into
     * {@code target}; false if the search had none.
     *
     * @param name the name the search registered it under (see SearchStates)
     * @param target the state to restore into
     * @return true if the search had such a state and it was restored
     */
    boolean restoreSearchState(String name, Stateful target);

    /**
     * Saves weights, α, decisions and {@code extra} so an interrupted selection can resume.
     *
     * @param extra further states to save or restore (optimizers), by name
     * @param counters the counters to keep, by name
     */
    void saveProgress(Map<String, Stateful> extra, Map<String, Double> counters);

    /**
     * Restores what {@link #saveProgress} saved last; empty if there is nothing to resume.
     *
     * @param extra further states to save or restore (optimizers), by name
     * @return the saved counters, or empty when nothing was saved
     */
    Optional<Map<String, Double>> restoreProgress(Map<String, Stateful> extra);

    /**
     * Builds the discrete network of {@code architecture} with the trial's space and settings, as an evaluator gets
     * it: for selectors that score candidate networks (Zero-Cost-PT validates its pool this way).
     *
     * @param architecture the architecture
     * @param rng the seeded generator its weights are drawn from
     * @param manager the manager its arrays live in
     * @return the network, its weights initialised from rng
     * @since 0.3
     */
    Network network(Architecture architecture, Rng rng, NDManager manager);

    /**
     * {@return the space's string for an architecture, for logs}
     *
     * @param architecture the architecture
     */
    String format(Architecture architecture);
}
