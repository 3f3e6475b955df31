package dev.naslab.core.report;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code report.md}: the warnings, the results table, the statistics table, time per phase, the
 * selected architectures per seed and the problems, as GitHub-flavoured Markdown (cells escaped).
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String of(ReportTables tables, List<String> warnings) {
        Comparison comparison = tables.comparison();
        StringBuilder md = new StringBuilder("# ").append(TextCells.md(tables.title())).append("\n\n");
        md.append(TextCells.md(tables.progressLine())).append(". Made by `naslab report` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE)).append(".\n\n");
        if (!warnings.isEmpty()) {
            md.append("**Warnings**\n\n");
            warnings.forEach(w -> md.append("- ").append(TextCells.md(w)).append('\n'));
            md.append('\n');
        }
        md.append("## Results\n\n");
        md.append("Mean ± sample standard deviation over seeds; Δ is the mean of per-seed differences against ")
                .append(TextCells.mdCode(tables.baselineName()))
                .append(" (same seed, same data split); rank by mean test accuracy.\n\n");
        table(md, tables.resultsHead(), tables.resultsRows());
        if (!tables.compared().isEmpty()) {
            md.append("\n## Is the difference real?\n\n").append(TextCells.md(ReportTables.STATS_NOTE)).append("\n\n");
            table(md, ReportTables.STATS_HEAD, tables.statsRows());
        }
        List<ProxyRanking.Line> ranking = ProxyRanking.of(comparison.runs());
        if (!ranking.isEmpty()) {
            md.append("\n## Zero-cost proxies against trained accuracy\n\n").append(TextCells.md(ProxyRanking.NOTE))
                    .append("\n\n");
            table(md, ProxyRanking.head(), ProxyRanking.rows(ranking));
        }
        List<String> stops = tables.earlyStops();
        if (!stops.isEmpty()) {
            md.append("\n## Early stopping\n\n").append(TextCells.md(ReportTables.EARLY_STOP_NOTE)).append("\n\n");
            stops.forEach(x -> md.append("- ").append(TextCells.md(x)).append('\n'));
        }
        md.append("\n## Time per phase (mean per seed)\n\n| variant | search | select | evaluate |\n|---|---|---|---|\n");
        for (Comparison.Group g : comparison.groups()) {
            md.append("| ").append(TextCells.md(g.name())).append(" | ").append(ReportTables.duration(g.searchSeconds))
                    .append(" | ").append(ReportTables.duration(g.selectSeconds)).append(" | ")
                    .append(ReportTables.duration(g.evalSeconds)).append(" |\n");
        }
        md.append("\n## Selected architectures\n\n");
        for (Comparison.Group g : comparison.groups()) {
            md.append("- **").append(TextCells.md(g.name())).append("**\n");
            g.architecture.forEach((seed, a) -> md.append("  - s").append(seed).append(": ").append(TextCells.mdCode(a))
                    .append("\n"));
        }
        List<String> problems = comparison.groups().stream()
                .flatMap(g -> g.problems.stream().map(p -> g.name() + ": " + p)).toList();
        if (!problems.isEmpty()) {
            md.append("\n## Problems\n\n");
            problems.forEach(p -> md.append("- ").append(TextCells.md(p)).append('\n'));
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<String> head, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", head.stream().map(TextCells::md).toList())).append(" |\n|")
                .append("---|".repeat(head.size())).append('\n');
        for (List<String> r : rows) {
            md.append("| ").append(String.join(" | ", r.stream().map(TextCells::md).toList())).append(" |\n");
        }
    }
}
