package dev.naslab.core.stop;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a stopper reads of one search epoch: its line of {@code metrics.jsonl}.
 *
 * @param epoch        the epoch, counted from 1
 * @param eigenvalue   the Hessian's largest eigenvalue w.r.t. α measured after it, if it was measured
 * @param skips        skip connections of the architecture derived after it, per cell type, in the space's order
 * @param architecture that architecture, as the space writes it
 */
public record EpochRecord(int epoch, OptionalDouble eigenvalue, Map<String, Long> skips, String architecture) {

    public EpochRecord {
        skips = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skips)); // in cell-type order
    }
}
