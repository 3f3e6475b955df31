package dev.naslab.core.results;

import java.util.List;
import java.util.Map;

/**
 * What a trial leaves in {@code <trial>/result.json}.
 *
 * @param trial            trial id
 * @param variant          sweep variant label (empty without a sweep)
 * @param values           the variant's swept values (key path → value)
 * @param seed             seed
 * @param space            space label
 * @param optimizer        search label ({@code baseline} for a fixed architecture)
 * @param status           ok, diverged or failed
 * @param message          why, when not ok
 * @param searchSeconds    search time
 * @param supernetValidAcc trained supernet's validation accuracy (%)
 * @param rows             one per (selector, evaluator)
 * @param searchStop       what the search's early-stopping rule did, in words; empty when it has none or did nothing
 */
public record TrialResult(String trial, String variant, Map<String, String> values, long seed, String space,
        String optimizer, TrialStatus status, String message, double searchSeconds, double supernetValidAcc,
        List<ResultRow> rows, String searchStop) {

    /** The label used for fixed architectures in the optimizer column. */
    public static final String BASELINE = "baseline";

    public TrialResult {
        variant = variant == null ? "" : variant;
        values = values == null ? Map.of() : values;
        searchStop = searchStop == null ? "" : searchStop; // results written before early stopping have none
    }

    /** A result whose search did not stop early. */
    public TrialResult(String trial, String variant, Map<String, String> values, long seed, String space,
            String optimizer, TrialStatus status, String message, double searchSeconds, double supernetValidAcc,
            List<ResultRow> rows) {
        this(trial, variant, values, seed, space, optimizer, status, message, searchSeconds, supernetValidAcc, rows, "");
    }

    /** {@return this result with {@code stop} as what its search's early stopping did} @param stop in words */
    public TrialResult withSearchStop(String stop) {
        return new TrialResult(trial, variant, values, seed, space, optimizer, status, message, searchSeconds,
                supernetValidAcc, rows, stop);
    }
}
