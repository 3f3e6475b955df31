package dev.naslab.api;

import dev.naslab.api.data.Batch;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;

/**
 * A search optimizer: the bilevel loop's single iteration and its epoch hooks.
 *
 * <p>Life-cycle, driven by the host: {@link #schedule} (epochs, batch size), {@link #begin}
 * (create the optimizers it needs and register them with the state so they are checkpointed),
 * then per epoch {@link #onEpochStart}, {@link #step} for every training batch, and
 * {@link #onEpochEnd}. On resume the host calls {@code begin} and then restores the registered
 * optimizer states, weights, α, decisions and random state from the last checkpoint.
 *
 * @param <S> settings record
 */
public interface SearchOptimizer<S extends Record> extends NasExtension<S> {

    /**
     * {@return how long the search runs and how it batches data}
     *
     * @param settings the extension's settings, bound from the experiment file
     */
    SearchSchedule schedule(S settings);

    /**
     * The schedule for a supernet with these cell types; the host calls this one. Optimizers whose
     * length depends on the space (SGAS: one decision per kept edge) override it.
     *
     * @since 0.2
     * @param settings the extension's settings, bound from the experiment file
     * @param cellTypes the space's cell types
     * @return the schedule for a supernet with these cell types
     */
    default SearchSchedule schedule(S settings, java.util.List<dev.naslab.api.model.CellType> cellTypes) {
        return schedule(settings);
    }

    /**
     * How this optimizer's architecture parameters become mixing weights in every pass the host
     * runs (see {@link dev.naslab.api.model.ArchMixing}); {@code softmax(α)} by default.
     *
     * @param settings the extension's settings, bound from the experiment file
     * @return the mixing the host installs on the trial's supernets
     * @since 0.3
     */
    default dev.naslab.api.model.ArchMixing mixing(S settings) {
        return dev.naslab.api.model.ArchMixing.SOFTMAX;
    }

    /**
     * How the space should build this optimizer's supernet (partial channels, say); the plain
     * supernet by default. The host checks at validation that the space offers what these need.
     *
     * @param settings the extension's settings, bound from the experiment file
     * @return the supernet options
     * @since 0.3
     */
    default dev.naslab.api.model.SupernetOptions supernetOptions(S settings) {
        return dev.naslab.api.model.SupernetOptions.NONE;
    }

    /**
     * What is wrong with these settings for a space with these cell types, one message per problem
     * naming the setting and what is allowed (nothing by default). Called while an experiment is
     * validated, before anything runs.
     *
     * @param settings the extension's settings, bound from the experiment file
     * @param cellTypes the space's cell types
     * @return the problems, empty when the settings are usable
     * @since 0.3
     */
    default java.util.List<String> check(S settings, java.util.List<dev.naslab.api.model.CellType> cellTypes) {
        return java.util.List.of();
    }

    /**
     * Prepares a fresh search: creates and registers weight and α optimizers.
     *
     * @param state the search state
     * @param settings the extension's settings, bound from the experiment file
     */
    void begin(SearchState state, S settings);

    /**
     * Called at the start of every epoch (0-based), before its first step.
     *
     * @param state the search state
     * @param settings the extension's settings, bound from the experiment file
     */
    default void onEpochStart(SearchState state, S settings) {
    }

    /**
     * One iteration: typically an α step on {@code valid}, then a weight step on {@code train}.
     *
     * @param state the search state
     * @param settings the extension's settings, bound from the experiment file
     * @param train a training batch
     * @param valid a validation batch
     */
    void step(SearchState state, S settings, Batch train, Batch valid);

    /**
     * Called after the last step of an epoch (SGAS decides edges here).
     *
     * @param state the search state
     * @param settings the extension's settings, bound from the experiment file
     */
    default void onEpochEnd(SearchState state, S settings) {
    }
}
