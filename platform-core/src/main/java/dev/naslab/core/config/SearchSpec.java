package dev.naslab.core.config;

import java.util.List;

/**
 * A search block: its optimizer, the selectors for its supernets (the experiment's
 * {@code selection} unless the block overrides it, e.g. fix-α supernets with perturbation only) and
 * the host's checkpoint policy for it.
 *
 * @param optimizer       the optimizer component
 * @param selection       the selectors applied to every supernet this search trains
 * @param checkpointEvery the block's {@code checkpoint_every}: a checkpoint every this many epochs (and after
 *                        the last); default {@link #DEFAULT_CHECKPOINT_EVERY}
 * @param earlyStop       the block's {@code early_stop}: its stopping rule, or null for none
 */
public record SearchSpec(Component optimizer, List<Component> selection, int checkpointEvery,
        dev.naslab.core.stop.EarlyStopper earlyStop) {

    /** A search without early stopping. */
    public SearchSpec(Component optimizer, List<Component> selection, int checkpointEvery) {
        this(optimizer, selection, checkpointEvery, null);
    }

    /** {@return this search with {@code stopper} as its early-stopping rule} @param stopper the rule, or null */
    public SearchSpec stoppingEarly(dev.naslab.core.stop.EarlyStopper stopper) {
        return new SearchSpec(optimizer, selection, checkpointEvery, stopper);
    }

    /** Epochs between checkpoints when a search block does not say. */
    public static final int DEFAULT_CHECKPOINT_EVERY = 10;

    /** The search block key of the checkpoint policy, read by the host, never passed to the optimizer. */
    public static final String CHECKPOINT_EVERY = "checkpoint_every";

    /** The search block key of the early-stopping rule, read by the host ({@link EarlyStopBlock}). */
    public static final String EARLY_STOP = "early_stop";
}
