package dev.naslab.optimizer.fairdarts;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;

/**
 * Threshold selection settings; defaults are FairDARTS's ({@code train_search.py}: {@code op_threshold 0.85},
 * {@code parse_method threshold_sparse}).
 *
 * @param threshold      an op is kept when its strength (σ(α) under FairDARTS) is at least this, in (0, 1); default 0.85
 * @param maxOpsPerEdge  at most this many ops per edge, the strongest; default 1 (the reference's
 *                       {@code threshold_sparse}); more keeps several ops on an edge, summed
 */
public record ThresholdSettings(
        @Setting("keep an op whose strength (sigma(alpha) under fairdarts) is at least this, in (0, 1)") Double threshold,
        @Setting("at most this many ops per edge, the strongest (1: the reference's threshold_sparse)") Integer maxOpsPerEdge) {

    /** Fills the reference defaults and checks every value. */
    public ThresholdSettings {
        threshold = threshold == null ? 0.85 : threshold;
        if (!(threshold > 0 && threshold < 1)) {
            throw new SettingException("threshold", threshold + " is not inside (0, 1): strengths are probabilities, "
                    + "and a threshold of 0 or 1 keeps every op or none (FairDARTS uses 0.85)");
        }
        maxOpsPerEdge = SettingException.positive("max_ops_per_edge", maxOpsPerEdge == null ? 1 : maxOpsPerEdge);
    }
}
