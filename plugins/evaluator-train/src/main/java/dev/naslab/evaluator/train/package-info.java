/** The {@code train} evaluator: {@link dev.naslab.evaluator.train.TrainEvaluator}. */
package dev.naslab.evaluator.train;
