package dev.naslab.api;

import dev.naslab.api.model.Architecture;
import dev.naslab.api.select.SelectionContext;

/**
 * An architecture selector: turns a trained supernet into one discrete architecture.
 *
 * <p>Selection is its own stage. Every selector of an experiment receives a fresh copy of the
 * same trained supernet (weights, α, decisions, optimizer states), so selectors can be compared
 * on one search. A selector may change the supernet it receives (DARTS-PT fine-tunes it between
 * decisions); the host never hands that copy to another selector.
 *
 * @param <S> settings record
 */
public interface ArchitectureSelector<S extends Record> extends NasExtension<S> {

    /**
     * Selects the architecture. Long selectors should report progress and resume from their log.
     *
     * @param context what the host hands the plugin
     * @param settings the extension's settings, bound from the experiment file
     * @return the selected architecture
     */
    Architecture select(SelectionContext context, S settings);

    /**
     * The work {@link #select} will do on a supernet with these cell types (tuning epochs and
     * validation passes), for time estimates; empty if the selector cannot say.
     *
     * @since 0.2
     * @param settings the extension's settings, bound from the experiment file
     * @param cellTypes the space's cell types
     * @return the work {@link #select} will do on a supernet with these cell types (tuning epochs and validation passes), for time estimates
     */
    default java.util.Optional<dev.naslab.api.plan.Workload> workload(S settings,
            java.util.List<dev.naslab.api.model.CellType> cellTypes) {
        return java.util.Optional.empty();
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
}
