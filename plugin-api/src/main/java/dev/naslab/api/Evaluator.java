package dev.naslab.api;

import dev.naslab.api.eval.Evaluation;
import dev.naslab.api.eval.EvaluationContext;
import dev.naslab.api.model.Architecture;

/**
 * An evaluator: measures a selected architecture, for example by training its discrete network
 * from scratch and reporting test accuracy.
 *
 * @param <S> settings record
 */
public interface Evaluator<S extends Record> extends NasExtension<S> {

    /** Evaluates {@code architecture}; metrics are reported in the returned value. */
    Evaluation evaluate(Architecture architecture, EvaluationContext context, S settings);
}
