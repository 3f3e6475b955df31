package dev.naslab.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code report.html}: one self-contained page (style, script and SVG plots inline) with the
 * results and statistics tables, test accuracy per variant, search curves, the op mix, time per
 * phase, α trajectories and the selected cells. Its style and script are the resources
 * {@code report.css} and {@code report.js} beside this class.
 */
final class HtmlReport {

    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");

    private final ReportTables tables;
    private final Comparison comparison;
    private final List<String> warnings;
    private final Charts charts = new Charts();

    HtmlReport(ReportTables tables, List<String> warnings) {
        this.tables = tables;
        this.comparison = tables.comparison();
        this.warnings = warnings;
    }

    String html() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(tables.title())).append(" — naslab report</title>\n<style>").append(CSS).append("</style></head>\n");
        h.append("<body><h1>").append(esc(tables.title())).append("</h1>\n<p class=\"meta\">").append(esc(tables.progressLine()))
                .append(" · made by naslab report on ")
                .append(esc(ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16)))
                .append("</p>\n");
        if (!warnings.isEmpty()) {
            h.append("<div class=\"warn\"><b>Rows side by side that differ beyond the swept keys</b><ul>");
            warnings.forEach(w -> h.append("<li>").append(esc(w)).append("</li>"));
            h.append("</ul></div>\n");
        }
        List<Comparison.Group> groups = comparison.groups();
        if (groups.isEmpty()) {
            h.append("<p>No finished rows yet.</p>");
        } else {
            h.append("<h2>Results</h2><p>Mean ± sample standard deviation over seeds; Δ is the mean of per-seed "
                    + "differences against <code>").append(esc(tables.baselineName()))
                    .append("</code>; rank by mean test accuracy. Click a column to sort.</p>\n");
            table(h, "summary", tables.resultsHead(), tables.resultsRows());
            if (!tables.compared().isEmpty()) {
                h.append("<h2>Is the difference real?</h2><p>").append(esc(ReportTables.STATS_NOTE)).append("</p>");
                table(h, "stats", ReportTables.STATS_HEAD, tables.statsRows());
            }
            h.append("<h2>Test accuracy per variant</h2><p>Each dot is one seed; the bar is the mean, the whiskers ± "
                    + "one standard deviation.</p>").append(figure(charts.testAccuracy(groups)));
        }
        List<ProxyRanking.Line> ranking = ProxyRanking.of(comparison.runs());
        if (!ranking.isEmpty()) {
            h.append("<h2>Zero-cost proxies against trained accuracy</h2><p>").append(esc(ProxyRanking.NOTE)).append("</p>");
            table(h, "proxies", ProxyRanking.head(), ProxyRanking.rows(ranking));
        }
        List<String> stops = tables.earlyStops();
        if (!stops.isEmpty()) {
            h.append("<h2>Early stopping</h2><p>").append(esc(ReportTables.EARLY_STOP_NOTE)).append("</p><ul>");
            stops.forEach(x -> h.append("<li>").append(esc(x)).append("</li>"));
            h.append("</ul>\n");
        }
        curves(h);
        if (!groups.isEmpty()) {
            opMix(h, groups);
            h.append("<h2>Time per phase</h2>").append(figure(charts.timePerPhase(groups)));
        }
        alpha(h);
        if (!groups.isEmpty()) {
            cells(h, groups);
        }
        h.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private String trialName(RunFolder run, RunFolder.Trial t) {
        return (comparison.runs().size() > 1 ? run.name() + "/" : "") + t.id();
    }

    private void curves(StringBuilder h) {
        List<Charts.Curve> curves = new ArrayList<>();
        for (RunFolder r : comparison.runs()) {
            for (RunFolder.Trial t : r.trials()) {
                if (!t.metrics().isEmpty()) {
                    curves.add(new Charts.Curve(trialName(r, t), t.metrics()));
                }
            }
        }
        if (curves.isEmpty()) {
            return;
        }
        h.append("<h2>Search curves</h2><p>Per epoch of each search (running trials included).</p><div class=\"grid2\">");
        String benchmark = curves.stream().flatMap(c -> c.lines().stream()).filter(l -> l.has("benchmark_metric"))
                .map(l -> l.get("benchmark_metric").asText()).findFirst().orElse(null);
        for (String[] m : new String[][] {{"valid_acc", "validation accuracy (%)"}, {"train_acc", "training accuracy (%)"},
            {"valid_loss", "validation loss"}, {"train_loss", "training loss"},
            {"benchmark_acc", "NAS-Bench-201 accuracy of the derived cell (%), " + benchmark}}) {
            String svg = charts.curves(curves, m[0], m[1]);
            if (!svg.isEmpty()) {
                h.append(figure(svg));
            }
        }
        h.append("</div>\n");
        diagnostics(h, curves);
        if (benchmark != null) {
            h.append("<p>The last plot is the NAS-Bench-201 accuracy of the cell derived (argmax α) after each epoch, "
                    + "looked up in ").append(esc(benchmark)).append(" (the experiment's <code>benchmark:</code>): the "
                    + "benchmark's numbers, whatever data the search ran on.</p>\n");
        }
    }

    /** The collapse diagnostics ({@code diagnostics:} of the experiment): the Hessian's eigenvalue and skip counts. */
    private void diagnostics(StringBuilder h, List<Charts.Curve> curves) {
        Set<String> skipKeys = new LinkedHashSet<>();
        curves.forEach(c -> c.lines().forEach(l -> l.fieldNames().forEachRemaining(k -> {
            if (k.startsWith("skip_connect_")) {
                skipKeys.add(k);
            }
        })));
        String eigen = charts.curves(curves, "hessian_eigenvalue", "λmax of the Hessian w.r.t. α");
        if (eigen.isEmpty() && skipKeys.isEmpty()) {
            return;
        }
        h.append("<h2>Collapse diagnostics</h2><p>The largest eigenvalue of the validation loss's Hessian with "
                + "respect to α (on the epoch's last validation batch; RobustDARTS found it grows before a collapse) "
                + "and the skip connections of the architecture derived after each epoch.</p><div class=\"grid2\">");
        if (!eigen.isEmpty()) {
            h.append(figure(eigen));
        }
        for (String k : skipKeys) {
            String cell = k.substring("skip_connect_".length());
            h.append(figure(charts.curves(curves, k, "skip_connect edges per " + ReportTables.cellTitle(cell))));
        }
        h.append("</div>\n");
    }

    private void opMix(StringBuilder h, List<Comparison.Group> groups) {
        Map<String, List<String>> opsByCell = new LinkedHashMap<>();
        for (RunFolder r : comparison.runs()) {
            for (RunFolder.Trial t : r.trials()) {
                for (RunFolder.CellInfo c : t.cells()) {
                    Set<String> ops = new LinkedHashSet<>(opsByCell.getOrDefault(c.name(), List.of()));
                    c.ops().forEach(ops::addAll);
                    ops.remove("none");
                    opsByCell.put(c.name(), new ArrayList<>(ops));
                }
            }
        }
        if (opsByCell.isEmpty()) {
            return;
        }
        h.append("<h2>Op mix of the selected architectures</h2><p>Mean number of edges per cell that chose each op; "
                + "<span style=\"color:#D55E00\"><b>skip_connect</b></span> in red — the collapse the paper describes "
                + "shows as a red-heavy magnitude bar.</p>");
        opsByCell.forEach((cell, ops) -> h.append("<h3>").append(esc(ReportTables.cellTitle(cell))).append("</h3>")
                .append(figure(charts.opMix(groups, cell, ops))));
    }

    private void alpha(StringBuilder h) {
        // the first seed of every (run, variant, space, search): α curves of all seeds would repeat the story
        Map<String, RunFolder.Trial> first = new LinkedHashMap<>();
        Map<String, RunFolder> runOf = new LinkedHashMap<>();
        for (RunFolder r : comparison.runs()) {
            for (RunFolder.Trial t : r.trials()) {
                if (t.metrics().isEmpty() || !t.metrics().get(0).has("alpha") || t.cells().isEmpty()) {
                    continue;
                }
                String key = r.name() + "|" + t.id().replaceAll("\\.s\\d+$", "");
                if (first.putIfAbsent(key, t) == null) {
                    runOf.put(key, r);
                }
            }
        }
        if (first.isEmpty()) {
            return;
        }
        h.append("<h2>α trajectories</h2><p>softmax(α) of every op on every edge over the search epochs, first seed of "
                + "each search (decided edges become one-hot).</p>");
        for (Map.Entry<String, RunFolder.Trial> e : first.entrySet()) {
            RunFolder.Trial t = e.getValue();
            h.append("<details><summary>").append(esc(trialName(runOf.get(e.getKey()), t))).append("</summary>");
            for (RunFolder.CellInfo c : t.cells()) {
                Set<String> all = new LinkedHashSet<>();
                c.ops().forEach(all::addAll);
                List<String> allOps = new ArrayList<>(all);
                h.append("<h3>").append(esc(ReportTables.cellTitle(c.name()))).append("</h3><p class=\"legend\">");
                for (String op : allOps) {
                    java.awt.Color col = Charts.opColor(op, allOps);
                    h.append(String.format("<span style=\"color:#%06X\">■</span> %s &nbsp; ", col.getRGB() & 0xFFFFFF,
                            esc(op)));
                }
                h.append("</p><div class=\"grid\">");
                for (int edge = 0; edge < c.edges().size(); edge++) {
                    int[] ft = c.edges().get(edge);
                    h.append(figure(charts.alphaEdge("edge " + ft[0] + "→" + ft[1], t.metrics(), c.name(), edge,
                            c.ops().get(edge), allOps)));
                }
                h.append("</div>");
            }
            h.append("</details>\n");
        }
    }

    private void cells(StringBuilder h, List<Comparison.Group> groups) {
        Map<String, RunFolder.Trial> byTrial = new LinkedHashMap<>();
        comparison.runs().forEach(r -> r.trials().forEach(t -> byTrial.put(r.name() + "|" + t.id(), t)));
        StringBuilder body = new StringBuilder();
        for (Comparison.Group g : groups) {
            if (g.cells.isEmpty()) {
                continue;
            }
            body.append("<details><summary>").append(esc(g.name())).append("</summary>");
            for (Map.Entry<Long, Map<String, List<String>>> s : g.cells.entrySet()) {
                RunFolder.Trial t = byTrial.get(g.key.run() + "|" + g.trial.get(s.getKey()));
                if (t == null || t.cells().isEmpty()) {
                    continue;
                }
                body.append("<p class=\"arch\">seed ").append(s.getKey()).append(": <code>")
                        .append(esc(g.architecture.getOrDefault(s.getKey(), ""))).append("</code></p><div class=\"grid\">");
                for (RunFolder.CellInfo c : t.cells()) {
                    List<String> ops = s.getValue().get(c.name());
                    if (ops != null) {
                        body.append("<figure>").append(CellDiagram.svg(c, ops)).append("<figcaption>")
                                .append(esc(ReportTables.cellTitle(c.name()))).append("</figcaption></figure>");
                    }
                }
                body.append("</div>");
            }
            body.append("</details>\n");
        }
        if (body.length() > 0) {
            h.append("<h2>Selected cells</h2><p>Every selected architecture, per seed; edges that are removed or "
                    + "<code>none</code> are not drawn, skip connections are red.</p>").append(body);
        }
    }

    /** A table with its header row, its cells escaped; {@code id} is what report.js and tests find it by. */
    private static void table(StringBuilder h, String id, List<String> head, List<List<String>> rows) {
        h.append("<div class=\"tablewrap\"><table id=\"").append(id).append("\"><thead><tr>");
        head.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (List<String> r : rows) {
            h.append("<tr>");
            r.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</tbody></table></div>\n");
    }

    private static String figure(String svg) {
        return "<figure class=\"plot\">" + svg + "</figure>\n";
    }

    private static String esc(String s) {
        return CellDiagram.esc(s);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's " + name + " is missing from naslab's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
