package dev.naslab.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's statistics against numbers worked out by hand. */
class StatsTest {

    @Test
    void meanAndSampleStd() {
        // 84, 86, 88: mean 86; deviations -2, 0, 2; sum of squares 8; / (3 - 1) = 4; sqrt = 2
        assertEquals(86.0, Stats.mean(List.of(84.0, 86.0, 88.0)), 1e-12);
        assertEquals(2.0, Stats.sampleStd(List.of(84.0, 86.0, 88.0)), 1e-12);
        // 1, 2, 3, 4: mean 2.5; squares 2.25 + 0.25 + 0.25 + 2.25 = 5; / 3; sqrt = 1.2909944...
        assertEquals(Math.sqrt(5.0 / 3.0), Stats.sampleStd(List.of(1.0, 2.0, 3.0, 4.0)), 1e-12);
        assertEquals(1.2909944487358056, Stats.sampleStd(List.of(1.0, 2.0, 3.0, 4.0)), 1e-12);
    }

    @Test
    void missingValuesAreLeftOutAndOneValueHasNoSpread() {
        assertEquals(3.0, Stats.mean(List.of(2.0, Double.NaN, 4.0)), 1e-12);
        assertTrue(Double.isNaN(Stats.sampleStd(List.of(5.0))));
        assertTrue(Double.isNaN(Stats.mean(List.of())));
    }

    @Test
    void pairedDifferencesUseTheSeedsBothHave() {
        // seeds 0..2 in both, seed 3 only in a: d = 90-85, 88-87, 91-88 = 5, 1, 3 -> mean 3, std 2
        Stats.Paired p = Stats.paired(Map.of(0L, 90.0, 1L, 88.0, 2L, 91.0, 3L, 70.0),
                Map.of(0L, 85.0, 1L, 87.0, 2L, 88.0));
        assertEquals(3, p.n());
        assertEquals(Map.of(0L, 5.0, 1L, 1.0, 2L, 3.0), p.perSeed());
        assertEquals(3.0, p.mean(), 1e-12);
        assertEquals(2.0, p.std(), 1e-12);
    }
}
