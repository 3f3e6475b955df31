package dev.naslab.api;

import dev.naslab.api.eval.Evaluation;
import dev.naslab.api.eval.EvaluationContext;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.TrainingFeature;
import java.util.List;
import java.util.Set;

/**
 * An evaluator: measures a selected architecture, for example by training its discrete network
 * from scratch and reporting test accuracy.
 *
 * @param <S> settings record
 */
public interface Evaluator<S extends Record> extends NasExtension<S> {

    /**
     * Problems with these settings for networks that support only {@code supported} (for example
     * an auxiliary-loss weight where the space's networks have no auxiliary head), each a
     * sentence that starts with the setting's key; empty if fine. The host checks every
     * evaluator against every space of an experiment before anything runs.
     *
     * @since 0.2
     * @param settings the extension's settings, bound from the experiment file
     * @param supported the training features the space's networks have
     * @return problems with these settings for networks that support only {@code supported} (for example an auxiliary-loss weight where the space's networks have no auxiliary head), each a sentence that starts with the setting's key
     */
    default List<String> check(S settings, Set<TrainingFeature> supported) {
        return List.of();
    }

    /**
     * Evaluates {@code architecture}; metrics are reported in the returned value.
     *
     * @param architecture the architecture
     * @param context what the host hands the plugin
     * @param settings the extension's settings, bound from the experiment file
     * @return the test accuracy and loss, parameters and further metrics
     */
    Evaluation evaluate(Architecture architecture, EvaluationContext context, S settings);

    /**
     * The work {@link #evaluate} will do (training epochs, batch size, whether it trains on the
     * validation split too), for time estimates; empty if the evaluator cannot say.
     *
     * @since 0.2
     * @param settings the extension's settings, bound from the experiment file
     * @return the work {@link #evaluate} will do (training epochs, batch size, whether it trains on the validation split too), for time estimates
     */
    default java.util.Optional<dev.naslab.api.plan.Workload> workload(S settings) {
        return java.util.Optional.empty();
    }
}
