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
 * @param metrics           the evaluator's further numbers by name (a benchmark's other columns and ranks, final
 *                          training accuracy); empty when there are none (and in results written before they were kept)
 */
public record ResultRow(String selector, String evaluator, String architecture, double projectedValidAcc,
        double testAcc, long parameters, double selectSeconds, double evalSeconds, TrialStatus status, String message,
        java.util.Map<String, Double> metrics) {

    public ResultRow {
        metrics = metrics == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(metrics));
    }

    /** A row without further metrics. */
    public ResultRow(String selector, String evaluator, String architecture, double projectedValidAcc, double testAcc,
            long parameters, double selectSeconds, double evalSeconds, TrialStatus status, String message) {
        this(selector, evaluator, architecture, projectedValidAcc, testAcc, parameters, selectSeconds, evalSeconds,
                status, message, java.util.Map.of());
    }
}
