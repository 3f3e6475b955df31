package dev.naslab.core.report;

import dev.naslab.core.progress.Durations;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.ResultRow;
import dev.naslab.core.results.TrialResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The experiment's results as one table: {@code results.csv} (one row per trial × selector ×
 * evaluator), {@code report.md}, and a readable table on the terminal.
 */
public final class ResultsTable {

    static final List<String> COLUMNS = List.of("trial", "seed", "space", "optimizer", "selector", "evaluator",
            "architecture", "supernet_valid_acc", "projected_valid_acc", "test_acc", "parameters", "search_seconds",
            "select_seconds", "eval_seconds", "status", "message");

    private final List<TrialResult> results;

    public ResultsTable(List<TrialResult> results) {
        this.results = results;
    }

    /** Writes {@code results.csv} and {@code report.md} into {@code dir}. */
    public void write(Path dir, String experimentName) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (List<String> r : rows(true)) {
            csv.append(String.join(",", r.stream().map(ResultsTable::csv).toList())).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("results.csv"), csv.toString());
        StringBuilder md = new StringBuilder("# ").append(experimentName).append("\n\n");
        md.append("| trial | selector | evaluator | architecture | supernet valid % | projected valid % | test % "
                + "| search | select | eval | status |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (List<String> r : rows(false)) {
            md.append("| ").append(r.get(0)).append(" | ").append(r.get(4)).append(" | ").append(r.get(5))
                    .append(" | `").append(r.get(6)).append("` | ").append(r.get(7)).append(" | ").append(r.get(8))
                    .append(" | ").append(r.get(9)).append(" | ").append(r.get(11)).append(" | ").append(r.get(12))
                    .append(" | ").append(r.get(13)).append(" | ").append(r.get(14)).append(" |\n");
        }
        AtomicFiles.writeString(dir.resolve("report.md"), md.toString());
    }

    /** Prints the table for a person. */
    public void print(PrintStream out) {
        List<String> head = List.of("trial", "selector", "evaluator", "architecture", "supernet valid", "projected valid",
                "test acc", "search", "select", "eval", "status");
        List<List<String>> body = new ArrayList<>();
        for (List<String> r : rows(false)) {
            body.add(List.of(r.get(0), r.get(4), r.get(5), r.get(6), pct(r.get(7)), pct(r.get(8)), pct(r.get(9)),
                    r.get(11), r.get(12), r.get(13), r.get(14)));
        }
        int[] w = new int[head.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = head.get(i).length();
            for (List<String> r : body) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        out.println(line(head, w));
        StringBuilder sep = new StringBuilder();
        for (int x : w) {
            sep.append("-".repeat(x)).append("  ");
        }
        out.println(sep.toString().stripTrailing());
        body.forEach(r -> out.println(line(r, w)));
        for (TrialResult t : results) {
            if (!t.status().equals("ok")) {
                out.println(t.trial() + ": " + t.status() + (t.message().isEmpty() ? "" : ": " + t.message()));
            }
        }
    }

    private static String pct(String v) {
        return v.isEmpty() ? "-" : v + "%";
    }

    private static String line(List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            sb.append(String.format("%-" + w[i] + "s", cells.get(i))).append("  ");
        }
        return sb.toString().stripTrailing();
    }

    private List<List<String>> rows(boolean raw) {
        List<List<String>> out = new ArrayList<>();
        for (TrialResult t : results) {
            for (ResultRow r : t.rows()) {
                out.add(List.of(t.trial(), Long.toString(t.seed()), t.space(), t.optimizer(), r.selector(),
                        r.evaluator(), r.architecture(), num(t.supernetValidAcc()), num(r.projectedValidAcc()),
                        num(r.testAcc()), r.parameters() == 0 ? "" : Long.toString(r.parameters()),
                        secs(t.searchSeconds(), raw), secs(r.selectSeconds(), raw), secs(r.evalSeconds(), raw),
                        r.status(), r.message() == null ? "" : r.message()));
            }
        }
        return out;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String secs(double v, boolean raw) {
        if (Double.isNaN(v)) {
            return "";
        }
        return raw ? String.format(Locale.ROOT, "%.1f", v) : Durations.format(v);
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
