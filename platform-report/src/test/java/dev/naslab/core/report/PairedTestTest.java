package dev.naslab.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values worked out by hand from the t distribution's closed forms and Wilcoxon's exact null distribution. */
class PairedTestTest {

    @Test
    void threeSeedsOfDifferencesOneTwoThree() {
        // mean 2, sd 1, t = 2·√3 = 3.4641 with 2 degrees of freedom: two-sided p = 1 − t/√(t² + 2) = 1 − √(12/14)
        PairedTest t = PairedTest.ofDifferences(Map.of(0L, 1.0, 1L, 2.0, 2L, 3.0));
        assertEquals(3, t.n());
        assertEquals(2.0, t.mean(), 1e-12);
        assertEquals(1 - Math.sqrt(12.0 / 14.0), t.tP(), 1e-9);
        // t(0.975, 2) = 4.302653: 2 ± 4.302653/√3
        assertEquals(2 - 4.302653 / Math.sqrt(3), t.ciLow(), 1e-5);
        assertEquals(2 + 4.302653 / Math.sqrt(3), t.ciHigh(), 1e-5);
        // all three differences positive: exact p = 2 · (1/2)^3
        assertEquals(0.25, t.wilcoxonP(), 1e-12);
        // n = 4: t(.975,3) + t(.8,3) = 3.1824 + 0.9785 = 4.16 > 2·√4 = 4; n = 5: 2.7764 + 0.9410 = 3.72 ≤ 4.47
        assertEquals(5, t.seedsNeeded());
        assertTrue(t.verdict().startsWith("not distinguishable with 3 seeds (paired t, p = 0.07); about 5 seeds"),
                t.verdict());
    }

    @Test
    void aClearDifferenceIsCalledOne() {
        PairedTest t = PairedTest.ofDifferences(Map.of(0L, -2.0, 1L, -2.1, 2L, -1.9, 3L, -2.05, 4L, -1.95, 5L, -2.0));
        assertTrue(t.tP() < 1e-6, "t = −2/(0.0707/√6)");
        assertEquals(2.0 / 64, t.wilcoxonP(), 1e-12, "six negative differences: exact p = 2/2^6");
        assertTrue(t.verdict().startsWith("worse than the baseline by 2.00 points"), t.verdict());
    }

    @Test
    void aPValueIsAtMostOne() {
        // +0.84, +0.34, −2.92 (the all-skip cell against magnitude in a run of 2026-12-02): ranks 2, 1, 3, so
        // W+ = W− = 3, the centre of W's distribution {0, 1, 2, 3, 3, 4, 5, 6}: two-sided p = 1 (Hipparchus: 1.25)
        assertEquals(1.0, PairedTest.ofDifferences(Map.of(0L, 0.84, 1L, 0.34, 2L, -2.92)).wilcoxonP(), 1e-12);
    }

    @Test
    void degenerateCasesSayWhy() {
        assertEquals("one seed: no test is possible", PairedTest.ofDifferences(Map.of(0L, 1.0)).verdict());
        assertEquals("identical on all 3 seeds", PairedTest.ofDifferences(Map.of(0L, 0.0, 1L, 0.0, 2L, 0.0))
                .verdict());
        assertEquals(-1, PairedTest.seedsNeeded(0, 1));
    }
}
