package dev.naslab.zerocost;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code zero-cost} evaluator's settings.
 *
 * @param proxies    the proxies to compute, each a column of the results; default all of synflow, nwot, snip,
 *                   grad_norm, jacov, fisher, params, flops
 * @param batchSize  images of the one training batch the data proxies read (the reference's 64)
 */
public record ZeroCostSettings(
        @Setting("the proxies to compute: synflow, nwot, snip, grad_norm, jacov, fisher, params, flops") List<String> proxies,
        @Setting("images of the one training batch the data proxies read") Integer batchSize) {

    public ZeroCostSettings {
        if (proxies == null) {
            proxies = Proxies.ids();
        }
        if (proxies.isEmpty()) {
            throw new SettingException("proxies", "is empty; name at least one of " + String.join(", ", Proxies.ids()));
        }
        if (new LinkedHashSet<>(proxies).size() != proxies.size()) {
            throw new SettingException("proxies", "names a proxy twice: " + proxies);
        }
        for (int i = 0; i < proxies.size(); i++) {
            Proxies.of(proxies.get(i), "proxies[" + i + "]");
        }
        proxies = List.copyOf(proxies);
        batchSize = batchSize == null ? 64 : batchSize;
        if (batchSize < 2) {
            throw new SettingException("batch_size", "must be at least 2 (NASWOT and jacov compare images), got "
                    + batchSize);
        }
    }
}
