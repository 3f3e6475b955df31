package dev.naslab.zerocost;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;

/**
 * The {@code zero-cost-pt} selector's settings, with the defaults of Zero-Cost-PT's repository.
 *
 * @param proxy           the proxy that scores the masked supernet and the candidates (default nwot, the
 *                        repository's {@code jacob})
 * @param poolSize        rounds with fresh random α, each giving a candidate (default 10)
 * @param validateBatches training batches each distinct candidate is scored on, summed (default 100)
 * @param batchSize       images per batch (default: the search's batch size; the repository uses 256 on NAS-Bench-201
 *                        and 64 in the DARTS space)
 * @param edgeOrder       random (default), order or reverse: which undecided edge is decided next
 * @param alphaStd        α of every round is this times a standard normal draw (default 1e-3: near-uniform mixing)
 */
public record ZeroCostPtSettings(
        @Setting("the proxy scoring the masked supernet and the candidates (default nwot)") String proxy,
        @Setting("rounds with fresh random alpha, each giving a candidate") Integer poolSize,
        @Setting("training batches each distinct candidate is scored on") Integer validateBatches,
        @Setting("images per batch (default: the search's batch size)") Integer batchSize,
        @Setting("random, order or reverse: which undecided edge is decided next") String edgeOrder,
        @Setting("alpha of every round is this times a standard normal draw") Double alphaStd) {

    public ZeroCostPtSettings {
        proxy = proxy == null ? "nwot" : proxy;
        Proxies.of(proxy, "proxy");
        poolSize = poolSize == null ? 10 : poolSize;
        if (poolSize < 1) {
            throw new SettingException("pool_size", "must be at least 1 (candidates to propose), got " + poolSize);
        }
        validateBatches = validateBatches == null ? 100 : validateBatches;
        SettingException.positive("validate_batches", validateBatches);
        if (batchSize != null && batchSize < 2) {
            throw new SettingException("batch_size", "must be at least 2 (NASWOT compares images), got " + batchSize);
        }
        edgeOrder = SettingException.oneOf("edge_order", edgeOrder == null ? "random" : edgeOrder, "random", "order",
                "reverse");
        alphaStd = alphaStd == null ? 1e-3 : alphaStd;
        SettingException.range("alpha_std", alphaStd, 0, 10, true);
    }
}
