package dev.naslab.zerocost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.naslab.api.SettingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroCostSettingsTest {

    @Test
    void defaultsAreEveryProxyOnABatchOf64() {
        ZeroCostSettings s = new ZeroCostSettings(null, null);
        assertEquals(List.of("synflow", "nwot", "snip", "grad_norm", "jacov", "fisher", "params", "flops"), s.proxies());
        assertEquals(64, s.batchSize());
    }

    @Test
    void anUnknownProxyIsRefusedWithADidYouMean() {
        SettingException e = assertThrows(SettingException.class, () -> new ZeroCostSettings(List.of("params", "synflw"), null));
        assertEquals("proxies[1]", e.key());
        assertEquals("'synflw' is not a zero-cost proxy (did you mean 'synflow'?); allowed: synflow, nwot, snip, "
                + "grad_norm, jacov, fisher, params, flops", e.reason());
    }

    @Test
    void graspSaysWhyItIsMissing() {
        SettingException e = assertThrows(SettingException.class, () -> new ZeroCostSettings(List.of("grasp"), null));
        assertEquals(Proxies.GRASP, e.reason());
    }

    @Test
    void emptyTwiceAndTooSmallBatchesAreRefused() {
        assertEquals("proxies", assertThrows(SettingException.class, () -> new ZeroCostSettings(List.of(), null)).key());
        assertEquals("proxies", assertThrows(SettingException.class,
                () -> new ZeroCostSettings(List.of("nwot", "nwot"), null)).key());
        assertEquals("batch_size", assertThrows(SettingException.class, () -> new ZeroCostSettings(null, 1)).key());
    }
}
