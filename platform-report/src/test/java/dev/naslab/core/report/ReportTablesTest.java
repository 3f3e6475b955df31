package dev.naslab.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTablesTest {

    private final ReportTables tables = new ReportTables(ReportFixture.comparison());

    @Test
    void resultsRowsHoldMeanStdPerSeedAndThePairedDifference() {
        assertEquals(List.of(
                List.of("darts/magnitude", "3", "72.00 ± 2.00", "s0 70.00, s1 72.00, s2 74.00", "(baseline)", "2",
                        "61.00 ± 0.00", "60.50 ± 0.00", "1000", "-"),
                List.of("darts/perturbation", "3", "75.00 ± 2.65", "s0 73.00, s1 74.00, s2 78.00", "+3.00 ± 1.00 (n=3)",
                        "1", "63.00 ± 0.00", "60.50 ± 0.00", "2000", "-")), tables.resultsRows());
        assertEquals("Δ test vs darts/magnitude (paired)", tables.resultsHead().get(4));
        assertEquals("3 trial(s): 3 done", tables.progressLine());
    }

    @Test
    void theStatisticsRowComparesWithTheBaseline() {
        // t(0.975, 2) = 4.3027: 3 ± 4.3027 / √3; df 2: p = 1 − t / √(t² + 2) with t = 3√3
        List<String> row = tables.statsRows().get(0);
        assertEquals(List.of("darts/perturbation", "3", "+3.00"), row.subList(0, 3));
        assertEquals("0.035", row.get(4));
        assertEquals("0.250", row.get(5), "exact Wilcoxon, n = 3, all positive: 2 / 2³");
        assertEquals(1, tables.statsRows().size(), "the baseline is not compared with itself");
    }

    @Test
    void cellTitles() {
        assertEquals("cell", ReportTables.cellTitle("cell"));
        assertEquals("normal cell", ReportTables.cellTitle("normal"));
    }
}
