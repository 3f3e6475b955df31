package dev.naslab.core.results;

/**
 * One (selector, evaluator) outcome of a trial.
 *
 * @param selector          selector label ("-" if the search did not finish)
 * @param evaluator         evaluator label ("-" without evaluation)
 * @param architecture      the selected architecture's string
 * @param projectedValidAcc supernet validation accuracy projected onto the architecture (%)
 * @param testAcc           evaluator's test accuracy (%), NaN if not evaluated
 * @param parameters        trainable parameters of the evaluated network (0 if not evaluated)
 * @param selectSeconds     selection time
 * @param evalSeconds       evaluation time
 * @param status            ok, diverged or failed
 * @param message           why, when not ok
 */
public record ResultRow(String selector, String evaluator, String architecture, double projectedValidAcc,
        double testAcc, long parameters, double selectSeconds, double evalSeconds, String status, String message) {
}
