package dev.naslab.core.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void onePageWithItsStyleScriptAndEscapedText() {
        String html = new HtmlReport(new ReportTables(ReportFixture.comparison()), List.of("<b>x</b>")).html();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<style>/* naslab report.html") && html.contains(".grid2{display:grid"),
                "report.css inlined");
        assertTrue(html.contains("<script>// naslab report.html") && html.contains("data-plots"), "report.js inlined");
        assertTrue(html.contains("<li>&lt;b&gt;x&lt;/b&gt;</li>"), "warnings escaped");
        assertTrue(html.contains("<td>+3.00 ± 1.00 (n=3)</td>"), html);
        assertTrue(html.contains("<table id=\"stats\">"), html);
        assertTrue(html.contains("<svg"), "the test-accuracy plot");
        assertTrue(html.endsWith("</body></html>\n"));
    }
}
