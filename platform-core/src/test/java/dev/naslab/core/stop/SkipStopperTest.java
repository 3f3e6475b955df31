package dev.naslab.core.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The skip stopper: more than max_skip skips in a watched cell after min_epochs stops at that epoch. */
class SkipStopperTest {

    private static List<EpochRecord> after(int epoch, long normal, long reduce) {
        Map<String, Long> skips = new LinkedHashMap<>();
        skips.put("normal", normal);
        skips.put("reduce", reduce);
        return List.of(new EpochRecord(epoch, OptionalDouble.empty(), skips, "x"));
    }

    @Test
    void watchesTheFirstCellTypeUnlessToldAndStopsAtThatEpoch() {
        SkipStopper dartsPlus = new SkipStopper(0, 1, List.of());
        assertInstanceOf(StopDecision.Continue.class, dartsPlus.decide(after(5, 1, 4), 50, List.of()), "reduce is not watched");
        StopDecision.Stop s = assertInstanceOf(StopDecision.Stop.class, dartsPlus.decide(after(5, 2, 0), 50, List.of()));
        assertEquals(5, s.resultEpoch());
        assertEquals("2 skip connections in the normal cell (more than 1)", s.reason());
        SkipStopper both = new SkipStopper(10, 2, List.of("normal", "reduce"));
        assertInstanceOf(StopDecision.Continue.class, both.decide(after(10, 5, 5), 50, List.of()), "not after min_epochs");
        assertInstanceOf(StopDecision.Stop.class, both.decide(after(11, 0, 3), 50, List.of()));
        assertInstanceOf(StopDecision.Continue.class, both.decide(after(50, 9, 9), 50, List.of()), "the last epoch");
    }
}
