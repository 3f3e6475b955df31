package dev.naslab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void beforeOneTheMinorVersionMustMatch() {
        assertTrue(ApiVersion.compatible("0.2.0", "0.2.0"));
        assertTrue(ApiVersion.compatible("0.2.5", "0.2.0"));
        assertFalse(ApiVersion.compatible("0.2.0", "0.2.1"), "the plugin needs a newer patch");
        assertFalse(ApiVersion.compatible("0.3.0", "0.2.0"), "0.x minor bumps are breaking");
        assertFalse(ApiVersion.compatible("0.2.0", "0.1.0"));
    }

    @Test
    void fromOneOnTheMajorVersionMustMatch() {
        assertTrue(ApiVersion.compatible("1.4.0", "1.2.3"));
        assertFalse(ApiVersion.compatible("1.2.0", "1.3.0"));
        assertFalse(ApiVersion.compatible("2.0.0", "1.9.0"));
    }

    @Test
    void malformedVersionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.compatible("0.2", "0.2.0"));
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.compatible("0.2.0", "x.y.z"));
    }

    @Test
    void theConstantIsTheBuildsVersion() {
        // the Maven property that also goes into the jar manifest and the plugins' Plugin-Requires
        assertEquals(System.getProperty("naslab.api.version"), ApiVersion.VERSION);
    }
}
