package dev.naslab.core.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void tablesWarningsAndArchitecturesAsMarkdown() {
        String md = MarkdownReport.of(new ReportTables(ReportFixture.comparison()), List.of("a | b"));
        assertTrue(md.startsWith("# q\n\n3 trial(s): 3 done. Made by `naslab report` on "), md);
        assertTrue(md.contains("**Warnings**\n\n- a \\| b\n"), "cells are escaped: " + md);
        assertTrue(md.contains("| darts/perturbation | 3 | 75.00 ± 2.65 | s0 73.00, s1 74.00, s2 78.00 | +3.00 ± 1.00 (n=3) |"),
                md);
        assertTrue(md.contains("\n## Is the difference real?\n"), md);
        assertTrue(md.contains("| darts/magnitude | 31s | 1s | 10s |"), md);
        assertTrue(md.contains("  - s2: `|nor_conv_3x3~0|`\n"), md);
    }
}
