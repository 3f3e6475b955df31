package dev.naslab.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.core.config.Mappers;
import org.junit.jupiter.api.Test;

class TrialStatusTest {

    @Test
    void isWrittenAndReadInLowerCaseAsInEarlierResultFiles() throws Exception {
        assertEquals("\"diverged\"", Mappers.JSON.writeValueAsString(TrialStatus.DIVERGED));
        assertEquals(TrialStatus.FAILED, Mappers.JSON.readValue("\"failed\"", TrialStatus.class));
        assertEquals(TrialStatus.OK, TrialStatus.of("OK"));
    }

    @Test
    void anUnknownStatusNamesTheAllowedOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> TrialStatus.of("done"));
        assertTrue(e.getMessage().contains("allowed: ok, diverged, failed"), e.getMessage());
    }
}
