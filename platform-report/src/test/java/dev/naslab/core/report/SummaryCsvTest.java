package dev.naslab.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryCsvTest {

    /** The cells of a CSV line; a quoted cell may hold commas. */
    private static List<String> cells(String line) {
        return List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
    }

    @Test
    void oneRowPerVariantWithUnroundedNumbers() {
        List<String> lines = SummaryCsv.of(new ReportTables(ReportFixture.comparison())).lines().toList();
        assertEquals(3, lines.size());
        List<String> head = cells(lines.get(0));
        List<String> pt = cells(lines.get(2));
        assertEquals(head.size(), pt.size());
        assertEquals("75.0000", pt.get(head.indexOf("test_acc_mean")));
        assertEquals("2.6458", pt.get(head.indexOf("test_acc_std")), "√7");
        assertEquals("0:73.0000;1:74.0000;2:78.0000", pt.get(head.indexOf("test_acc_per_seed")));
        assertEquals("3.0000", pt.get(head.indexOf("diff_vs_baseline_mean")));
        assertEquals("0.5159", pt.get(head.indexOf("diff_ci95_low")), "3 − 4.3027 / √3");
        assertEquals("5.4841", pt.get(head.indexOf("diff_ci95_high")));
        assertEquals("0.0351", pt.get(head.indexOf("paired_t_p")));
        assertEquals("0.2500", pt.get(head.indexOf("wilcoxon_p")));
        assertEquals("31.0", pt.get(head.indexOf("search_seconds_mean")));
        assertTrue(lines.get(1).endsWith(",(baseline)"), lines.get(1));
    }
}
