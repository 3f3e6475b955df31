package dev.naslab.core.results;

import java.util.List;

/**
 * What a trial leaves in {@code <trial>/result.json}.
 *
 * @param trial            trial id
 * @param seed             seed
 * @param space            space label
 * @param optimizer        search label
 * @param status           ok, diverged or failed
 * @param message          why, when not ok
 * @param searchSeconds    search time
 * @param supernetValidAcc trained supernet's validation accuracy (%)
 * @param rows             one per (selector, evaluator)
 */
public record TrialResult(String trial, long seed, String space, String optimizer, String status, String message,
        double searchSeconds, double supernetValidAcc, List<ResultRow> rows) {
}
