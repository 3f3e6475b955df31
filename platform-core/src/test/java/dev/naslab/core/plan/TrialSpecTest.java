package dev.naslab.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.core.config.Baseline;
import dev.naslab.core.config.Mappers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The child JVM reads back exactly the trial the coordinator wrote (trial.json). */
class TrialSpecTest {

    @Test
    void baselineTrialSurvivesTheRoundTrip() throws Exception {
        TrialSpec t = new TrialSpec("nas-bench-201.baseline-all_skip.s1", 1, 0, -1, "name: x\n", List.of("/p"), false,
                "", Map.of(), new Baseline("all_skip", "nas-bench-201", "|skip_connect~0|"), "nas-bench-201",
                "baseline");
        TrialSpec back = Mappers.JSON.readValue(Mappers.JSON.writeValueAsString(t), TrialSpec.class);
        assertEquals(t, back);
        assertTrue(back.isBaselineTrial());
    }

    @Test
    void searchTrialWithSweptValuesSurvivesTheRoundTrip() throws Exception {
        TrialSpec t = new TrialSpec("epochs-2.nas-bench-201.darts.s0", 0, 0, 0, "name: x\n", List.of("/p"), false,
                "epochs-2", Map.of("search.epochs", "2"), null, "nas-bench-201", "darts");
        TrialSpec back = Mappers.JSON.readValue(Mappers.JSON.writeValueAsString(t), TrialSpec.class);
        assertEquals(t, back);
        assertFalse(back.isBaselineTrial());
    }
}
