package dev.naslab.core.report;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.AtomicFiles;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code report.html}, {@code report.md} and {@code summary.csv} for one or more run folders: per
 * variant n, mean ± sample std and per-seed values, paired per-seed differences against a baseline
 * variant, a rank, and the plots (test accuracy, search curves, α trajectories, op mix, time per
 * phase, the selected cells).
 */
public final class ComparisonReport {

    private final Comparison comparison;
    private final List<String> warnings;
    private final Charts charts = new Charts();

    public ComparisonReport(List<RunFolder> runs, String baseline) {
        this.comparison = Comparison.of(runs, baseline);
        this.warnings = new java.util.ArrayList<>(ProvenanceCheck.warnings(runs, comparison.sweptKeys()));
        runs.forEach(r -> r.trials().stream().filter(t -> t.state().equals(RunFolder.UNREADABLE)).forEach(t ->
                warnings.add(r.dir().resolve(t.id()).resolve(RunLayout.RESULT) + " cannot be read; the report leaves "
                        + "trial " + t.id() + " out (naslab run " + r.dir() + " runs it again)")));
    }

    public Comparison comparison() {
        return comparison;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Writes the three files into {@code out}. */
    public void write(Path out) {
        AtomicFiles.writeString(out.resolve("summary.csv"), csv());
        AtomicFiles.writeString(out.resolve("report.md"), markdown());
        AtomicFiles.writeString(out.resolve("report.html"), html());
    }

    // ---- the numbers ------------------------------------------------------------------------

    private String title() {
        return comparison.runs().stream().map(RunFolder::name).distinct().collect(Collectors.joining(" + "));
    }

    private String progressLine() {
        Map<String, Integer> states = new TreeMap<>();
        comparison.runs().forEach(r -> r.trials().forEach(t -> states.merge(t.state(), 1, Integer::sum)));
        int total = states.values().stream().mapToInt(Integer::intValue).sum();
        return total + " trial(s): " + states.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /** The first cell type of the runs (normal for DARTS, cell for NAS-Bench-201), for skip counts. */
    private String mainCell() {
        for (RunFolder r : comparison.runs()) {
            for (RunFolder.Trial t : r.trials()) {
                if (!t.cells().isEmpty()) {
                    return t.cells().get(0).name();
                }
            }
        }
        return "cell";
    }

    private static String mean(Map<Long, Double> values, int digits) {
        double m = Stats.mean(new ArrayList<>(values.values()));
        return Double.isNaN(m) ? "" : String.format(Locale.ROOT, "%." + digits + "f", m);
    }

    private static String meanStd(Map<Long, Double> values) {
        List<Double> v = new ArrayList<>(values.values());
        double m = Stats.mean(v);
        if (Double.isNaN(m)) {
            return "-";
        }
        double s = Stats.sampleStd(v);
        return Double.isNaN(s) ? fmt(m) : fmt(m) + " ± " + fmt(s);
    }

    private static String perSeed(Map<Long, Double> values) {
        return values.entrySet().stream().map(e -> "s" + e.getKey() + " " + (Double.isFinite(e.getValue())
                ? fmt(e.getValue()) : "-")).collect(Collectors.joining(", "));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private String delta(Comparison.Group g) {
        if (g == comparison.baseline()) {
            return "(baseline)";
        }
        Stats.Paired p = g.vsBaseline();
        if (p.n() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.2f", p.mean()) + (Double.isNaN(p.std()) ? "" : " ± " + fmt(p.std()))
                + " (n=" + p.n() + ")";
    }

    private String skip(Comparison.Group g) {
        double m = g.meanCount(mainCell(), "skip_connect");
        return Double.isNaN(m) ? "-" : fmt(m);
    }

    private String csv() {
        List<String> swept = comparison.sweptKeys();
        List<String> head = new ArrayList<>(List.of("variant"));
        head.addAll(swept);
        head.addAll(List.of("run", "space", "optimizer", "selector", "evaluator", "n", "test_acc_mean", "test_acc_std",
                "test_acc_per_seed", "diff_vs_baseline_mean", "diff_vs_baseline_std", "diff_vs_baseline_per_seed",
                "rank", "projected_valid_acc_mean", "projected_valid_acc_std", "supernet_valid_acc_mean",
                "supernet_valid_acc_std", "parameters_mean", "search_seconds_mean", "select_seconds_mean",
                "eval_seconds_mean", "skip_connect_per_" + mainCell(), "problems", "diff_ci95_low", "diff_ci95_high",
                "paired_t_p", "wilcoxon_p", "seeds_needed", "verdict"));
        StringBuilder sb = new StringBuilder(String.join(",", head.stream().map(ComparisonReport::csvCell).toList()))
                .append('\n');
        for (Comparison.Group g : comparison.groups()) {
            List<String> row = new ArrayList<>();
            row.add(g.name());
            swept.forEach(k -> row.add(g.swept.getOrDefault(k, "")));
            Stats.Paired p = g.vsBaseline();
            row.addAll(List.of(g.key.run(), g.key.space(), g.key.optimizer(), g.key.selector(), g.key.evaluator(),
                    Long.toString(g.test.values().stream().filter(Double::isFinite).count()),
                    num(Stats.mean(new ArrayList<>(g.test.values()))), num(Stats.sampleStd(new ArrayList<>(g.test.values()))),
                    seedList(g.test), num(p.mean()), num(p.std()), seedList(p.perSeed()), Integer.toString(g.rank()),
                    num(Stats.mean(new ArrayList<>(g.projected.values()))),
                    num(Stats.sampleStd(new ArrayList<>(g.projected.values()))),
                    num(Stats.mean(new ArrayList<>(g.supernet.values()))),
                    num(Stats.sampleStd(new ArrayList<>(g.supernet.values()))),
                    mean(g.parameters, 0), mean(g.searchSeconds, 1), mean(g.selectSeconds, 1), mean(g.evalSeconds, 1),
                    num(g.meanCount(mainCell(), "skip_connect")), String.join("; ", g.problems)));
            if (g == comparison.baseline() || comparison.baseline() == null) {
                row.addAll(List.of("", "", "", "", "", g == comparison.baseline() ? "(baseline)" : ""));
            } else {
                PairedTest t = PairedTest.of(p);
                row.addAll(List.of(num(t.ciLow()), num(t.ciHigh()), num(t.tP()), num(t.wilcoxonP()),
                        t.seedsNeeded() < 0 ? "" : Integer.toString(t.seedsNeeded()), t.verdict()));
            }
            sb.append(String.join(",", row.stream().map(ComparisonReport::csvCell).toList())).append('\n');
        }
        return sb.toString();
    }

    private static String seedList(Map<Long, Double> m) {
        return m.entrySet().stream().filter(e -> Double.isFinite(e.getValue()))
                .map(e -> e.getKey() + ":" + String.format(Locale.ROOT, "%.4f", e.getValue()))
                .collect(Collectors.joining(";"));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String csvCell(String v) {
        return TextCells.csv(v);
    }

    private List<List<String>> tableRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Group g : comparison.groups()) {
            rows.add(List.of(g.name(), Long.toString(g.test.values().stream().filter(Double::isFinite).count()),
                    meanStd(g.test), perSeed(g.test), delta(g), Integer.toString(g.rank()), meanStd(g.projected),
                    meanStd(g.supernet), mean(g.parameters, 0), skip(g)));
        }
        return rows;
    }

    /** The groups compared against the baseline (not the baseline itself). */
    private List<Comparison.Group> compared() {
        return comparison.baseline() == null ? List.of() : comparison.groups().stream()
                .filter(g -> g != comparison.baseline()).toList();
    }

    private static final List<String> STATS_HEAD = List.of("variant", "n", "Δ test (mean)", "95 % interval (t)",
            "paired t p", "Wilcoxon p", "verdict");

    private List<List<String>> statsRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Group g : compared()) {
            PairedTest t = PairedTest.of(g.vsBaseline());
            rows.add(List.of(g.name(), Integer.toString(t.n()), Double.isNaN(t.mean()) ? "-"
                    : String.format(Locale.ROOT, "%+.2f", t.mean()), t.interval(), p(t.tP()), p(t.wilcoxonP()),
                    t.verdict()));
        }
        return rows;
    }

    private static String p(double v) {
        return Double.isNaN(v) ? "-" : v < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static final String STATS_NOTE = "Per-seed differences against the baseline (same seed, same data split). "
            + "The interval is the mean difference ± t(0.975, n − 1) · s / √n; the paired t-test assumes roughly normal "
            + "differences, Wilcoxon's signed-rank test (exact) does not, and cannot reach p < 0.05 with fewer than 6 "
            + "seeds. A verdict is drawn at p < 0.05 from the t-test; the seeds it would need assume the observed "
            + "spread is the true one (80 % power).";

    private List<String> tableHead() {
        return List.of("variant", "n", "test acc % (mean ± std)", "per seed", "Δ test vs " + baselineName()
                + " (paired)", "rank", "projected valid %", "supernet valid %", "parameters",
                "skip_connect per " + cellTitle(mainCell()));
    }

    /** "normal cell", "reduce cell"; NAS-Bench-201's cell type is simply "cell". */
    static String cellTitle(String cellType) {
        return cellType.equals("cell") ? "cell" : cellType + " cell";
    }

    private String baselineName() {
        return comparison.baseline() == null ? "-" : comparison.baseline().name();
    }

    // ---- markdown ---------------------------------------------------------------------------

    private String markdown() {
        StringBuilder md = new StringBuilder("# ").append(TextCells.md(title())).append("\n\n");
        md.append(TextCells.md(progressLine())).append(". Made by `naslab report` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE)).append(".\n\n");
        if (!warnings.isEmpty()) {
            md.append("**Warnings**\n\n");
            warnings.forEach(w -> md.append("- ").append(TextCells.md(w)).append('\n'));
            md.append('\n');
        }
        md.append("## Results\n\n");
        md.append("Mean ± sample standard deviation over seeds; Δ is the mean of per-seed differences against ")
                .append(TextCells.mdCode(baselineName())).append(" (same seed, same data split); rank by mean test accuracy.\n\n");
        List<String> head = tableHead();
        md.append("| ").append(String.join(" | ", head.stream().map(TextCells::md).toList())).append(" |\n|")
                .append("---|".repeat(head.size())).append('\n');
        for (List<String> r : tableRows()) {
            md.append("| ").append(String.join(" | ", r.stream().map(TextCells::md).toList())).append(" |\n");
        }
        if (!compared().isEmpty()) {
            md.append("\n## Is the difference real?\n\n").append(TextCells.md(STATS_NOTE)).append("\n\n| ")
                    .append(String.join(" | ", STATS_HEAD.stream().map(TextCells::md).toList())).append(" |\n|")
                    .append("---|".repeat(STATS_HEAD.size())).append('\n');
            for (List<String> r : statsRows()) {
                md.append("| ").append(String.join(" | ", r.stream().map(TextCells::md).toList())).append(" |\n");
            }
        }
        md.append("\n## Time per phase (mean per seed)\n\n| variant | search | select | evaluate |\n|---|---|---|---|\n");
        for (Comparison.Group g : comparison.groups()) {
            md.append("| ").append(TextCells.md(g.name())).append(" | ").append(minutes(g.searchSeconds)).append(" | ")
                    .append(minutes(g.selectSeconds)).append(" | ").append(minutes(g.evalSeconds)).append(" |\n");
        }
        md.append("\n## Selected architectures\n\n");
        for (Comparison.Group g : comparison.groups()) {
            md.append("- **").append(TextCells.md(g.name())).append("**\n");
            g.architecture.forEach((seed, a) -> md.append("  - s").append(seed).append(": ").append(TextCells.mdCode(a))
                    .append("\n"));
        }
        List<String> problems = comparison.groups().stream().flatMap(g -> g.problems.stream().map(p -> g.name() + ": " + p))
                .toList();
        if (!problems.isEmpty()) {
            md.append("\n## Problems\n\n");
            problems.forEach(p -> md.append("- ").append(TextCells.md(p)).append('\n'));
        }
        return md.toString();
    }

    private static String minutes(Map<Long, Double> seconds) {
        double m = Stats.mean(new ArrayList<>(seconds.values()));
        return Double.isNaN(m) ? "-" : dev.naslab.core.progress.Durations.format(m);
    }

    // ---- html -------------------------------------------------------------------------------

    private String html() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title())).append(" — naslab report</title>\n<style>").append(CSS).append("</style></head>\n");
        h.append("<body><h1>").append(esc(title())).append("</h1>\n<p class=\"meta\">").append(esc(progressLine()))
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
                    + "differences against <code>").append(esc(baselineName()))
                    .append("</code>; rank by mean test accuracy. Click a column to sort.</p>\n");
            h.append("<div class=\"tablewrap\"><table id=\"summary\"><thead><tr>");
            tableHead().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
            h.append("</tr></thead><tbody>");
            for (List<String> r : tableRows()) {
                h.append("<tr>");
                r.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
                h.append("</tr>");
            }
            h.append("</tbody></table></div>\n");
            if (!compared().isEmpty()) {
                h.append("<h2>Is the difference real?</h2><p>").append(esc(STATS_NOTE)).append("</p>")
                        .append("<div class=\"tablewrap\"><table id=\"stats\"><thead><tr>");
                STATS_HEAD.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
                h.append("</tr></thead><tbody>");
                for (List<String> r : statsRows()) {
                    h.append("<tr>");
                    r.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
                    h.append("</tr>");
                }
                h.append("</tbody></table></div>\n");
            }
            h.append("<h2>Test accuracy per variant</h2><p>Each dot is one seed; the bar is the mean, the whiskers ± "
                    + "one standard deviation.</p>").append(figure(charts.testAccuracy(groups)));
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

    private List<RunFolder.Trial> searchTrials() {
        List<RunFolder.Trial> out = new ArrayList<>();
        comparison.runs().forEach(r -> r.trials().stream().filter(t -> !t.metrics().isEmpty()).forEach(out::add));
        return out;
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
        if (benchmark != null) {
            h.append("<p>The last plot is the NAS-Bench-201 accuracy of the cell derived (argmax α) after each epoch, "
                    + "looked up in ").append(esc(benchmark)).append(" (the experiment's <code>benchmark:</code>): the "
                    + "benchmark's numbers, whatever data the search ran on.</p>\n");
        }
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
        opsByCell.forEach((cell, ops) -> h.append("<h3>").append(esc(cellTitle(cell))).append("</h3>")
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
                h.append("<h3>").append(esc(cellTitle(c.name()))).append("</h3><p class=\"legend\">");
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
                                .append(esc(cellTitle(c.name()))).append("</figcaption></figure>");
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

    private static String figure(String svg) {
        return "<figure class=\"plot\">" + svg + "</figure>\n";
    }

    static String esc(String s) {
        return CellDiagram.esc(s);
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1200px;\
            color:#222;padding:0 16px}
            h1{font-size:1.6em;margin-bottom:4px} h2{margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
            .meta{color:#666} .warn{background:#fff4e5;border:1px solid #f0b46b;padding:8px 12px;margin:12px 0}
            table{border-collapse:collapse;font-size:.9em} th,td{border:1px solid #ddd;padding:4px 8px;text-align:left} td{white-space:nowrap}
            th{background:#f3f3f3;cursor:pointer;user-select:none} tr:nth-child(even) td{background:#fafafa}
            .tablewrap{overflow-x:auto} figure{margin:8px 0} figure.plot svg{max-width:100%;height:auto}
            .grid{display:flex;flex-wrap:wrap;gap:8px} .grid2{display:grid;grid-template-columns:1fr 1fr;gap:8px}
            details{margin:6px 0} summary{cursor:pointer;font-weight:600} .legend{font-size:.9em}
            .arch code{font-size:.8em;word-break:break-all} figcaption{text-align:center;color:#666;font-size:.85em}
            """;

    /** Sortable summary table; records script errors and the number of drawn plots on the body. */
    private static final String SCRIPT = """
            window.addEventListener('error', function (e) {
              document.body.setAttribute('data-errors', (document.body.getAttribute('data-errors') || '') + e.message + ';');
            });
            (function () {
              var table = document.getElementById('summary');
              if (table) {
                var heads = table.tHead.rows[0].cells;
                for (var i = 0; i < heads.length; i++) {
                  (function (col) {
                    heads[col].addEventListener('click', function () {
                      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
                      var asc = heads[col].getAttribute('data-sort') !== 'asc';
                      rows.sort(function (a, b) {
                        var x = a.cells[col].textContent, y = b.cells[col].textContent;
                        var nx = parseFloat(x), ny = parseFloat(y);
                        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
                        return asc ? c : -c;
                      });
                      rows.forEach(function (r) { body.appendChild(r); });
                      heads[col].setAttribute('data-sort', asc ? 'asc' : 'desc');
                    });
                  })(i);
                }
              }
              var drawn = 0, svgs = document.querySelectorAll('svg');
              for (var j = 0; j < svgs.length; j++) {
                var box = svgs[j].getBBox();
                if (svgs[j].childElementCount > 0 && box.width > 0 && box.height > 0) { drawn++; }
              }
              document.body.setAttribute('data-plots', String(drawn));
              document.body.setAttribute('data-svgs', String(svgs.length));
            })();
            """;

}
