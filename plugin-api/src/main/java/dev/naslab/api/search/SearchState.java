package dev.naslab.api.search;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Stateful;

/**
 * What the host hands a {@link dev.naslab.api.SearchOptimizer}: the supernet, the position in
 * the schedule, a seeded generator, and a registry for optimizer state that checkpoints save and
 * a resumed search restores.
 */
public interface SearchState {

    /** {@return the supernet being searched} */
    Supernet supernet();

    /** {@return the supernet's architecture state (α, decisions, masks)} */
    default ArchState arch() {
        return supernet().arch();
    }

    /** {@return the current epoch, 0-based} */
    int epoch();

    /** {@return total epochs of the search} */
    int epochs();

    /**
     * Steps per epoch (batches in the training split).
     *
     * @return the number of steps per epoch
     */
    int stepsPerEpoch();

    /** {@return the search's generator (its state is checkpointed)} */
    Rng rng();

    /** {@return a long-lived manager for optimizer state} */
    NDManager manager();

    /**
     * Registers optimizer state under {@code name} so checkpoints save it; on resume, the host
     * restores it right after {@code begin}.
     *
     * @param <T> the type
     * @param name the name checkpoints save it under
     * @param stateful the state to register
     * @return stateful, for chaining
     */
    <T extends Stateful> T register(String name, T stateful);

    /**
     * {@return the state registered under {@code name}}
     *
     * @param <T> the type
     * @param name the name it was registered under
     * @param type its class
     */
    <T extends Stateful> T registered(String name, Class<T> type);

    /**
     * Records a per-epoch metric (averaged over the epoch's steps), e.g. {@code train_loss}.
     *
     * @param metric the metric's name
     * @param value the metric's value at this step
     */
    void record(String metric, double value);

    /**
     * Images per training and validation batch in the current epoch.
     *
     * @since 0.2
     * @return images per training and validation batch in the current epoch
     */
    int batchSize();

    /**
     * Sets the batch size from the next epoch on (SGAS grows it after each decision); the host
     * saves it with checkpoints.
     *
     * @since 0.2
     * @param batchSize images per batch
     */
    void setBatchSize(int batchSize);

    /**
     * The search's own folder, for logs an optimizer writes: a {@code decisions.jsonl} whose lines
     * carry an {@code epoch} field (1-based, the epoch that made them) is trimmed like the
     * metrics when a search resumes, so re-run epochs do not log twice.
     *
     * @since 0.2
     * @return the search's own folder, for logs an optimizer writes: a {@code decisions.jsonl} whose lines carry an {@code epoch} field (1-based, the epoch that made them) is trimmed like the metrics when a search resumes, so re-run epochs do not log twice
     */
    java.nio.file.Path workDir();
}
