package dev.naslab.core.report;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.TrialStatus;
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
 * evaluator, with the swept values in their own columns) and a readable table on the terminal.
 */
public final class ResultsTable {

    static final List<String> COLUMNS = List.of("trial", "seed", "space", "optimizer", "selector", "evaluator",
            "architecture", "supernet_valid_acc", "projected_valid_acc", "test_acc", "parameters", "search_seconds",
            "select_seconds", "eval_seconds", "status", "message");

    /** The column of what a search's early stopping did, present when some search stopped, simulated or rolled back. */
    static final String STOP_COLUMN = "search_stop";

    /** Swept keys over all results, in first-seen order: each gets its own column after {@code variant}. */
    private List<String> sweptKeys() {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        results.forEach(t -> keys.addAll(t.values().keySet()));
        return new ArrayList<>(keys);
    }

    private final List<TrialResult> results;

    public ResultsTable(List<TrialResult> results) {
        this.results = results;
    }

    /**
     * The evaluators' further metrics over all rows, in alphabetical order (an evaluator's map may have no order of
     * its own, and a table must read the same from every run): each a column after {@code message}.
     */
    private List<String> metricKeys() {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        results.forEach(t -> t.rows().forEach(r -> keys.addAll(r.metrics().keySet())));
        return new ArrayList<>(keys);
    }

    /** A metric's column name: its own, or {@code metric_<name>} where that would repeat a column. */
    private static String metricColumn(String key, List<String> taken) {
        return taken.contains(key) ? "metric_" + key : key;
    }

    /** Writes {@code results.csv} into {@code dir} (the comparison report is {@link ComparisonReport}'s). */
    public void write(Path dir) {
        List<String> swept = sweptKeys();
        List<String> header = new ArrayList<>(COLUMNS);
        if (!swept.isEmpty()) {
            header.addAll(1, swept);
            header.add(1, "variant");
        }
        boolean stops = results.stream().anyMatch(t -> !t.searchStop().isEmpty());
        if (stops) {
            header.add(STOP_COLUMN);
        }
        List<String> metrics = metricKeys();
        List<String> fixed = List.copyOf(header);
        metrics.forEach(k -> header.add(metricColumn(k, fixed)));
        List<ResultRow> flat = new ArrayList<>();
        results.forEach(t -> flat.addAll(t.rows()));
        StringBuilder csv = new StringBuilder(String.join(",", header.stream().map(ResultsTable::csv).toList()))
                .append('\n');
        List<List<String>> raw = rows(true);
        List<TrialResult> owners = owners();
        for (int i = 0; i < raw.size(); i++) {
            List<String> r = new ArrayList<>(raw.get(i));
            if (!swept.isEmpty()) {
                TrialResult t = owners.get(i);
                r.addAll(1, swept.stream().map(k -> t.values().getOrDefault(k, "")).toList());
                r.add(1, t.variant());
            }
            if (stops) {
                r.add(owners.get(i).searchStop());
            }
            ResultRow row = flat.get(i);
            metrics.forEach(k -> r.add(metric(row.metrics().get(k))));
            csv.append(String.join(",", r.stream().map(ResultsTable::csv).toList())).append('\n');
        }
        AtomicFiles.writeString(dir.resolve(RunLayout.RESULTS), csv.toString());
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
            if (!t.searchStop().isEmpty()) {
                out.println(t.trial() + ": " + t.searchStop());
            }
            if (t.status() != TrialStatus.OK) {
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

    /** The trial of each row of {@link #rows}. */
    private List<TrialResult> owners() {
        List<TrialResult> out = new ArrayList<>();
        for (TrialResult t : results) {
            t.rows().forEach(r -> out.add(t));
        }
        return out;
    }

    private List<List<String>> rows(boolean raw) {
        List<List<String>> out = new ArrayList<>();
        for (TrialResult t : results) {
            for (ResultRow r : t.rows()) {
                out.add(List.of(t.trial(), Long.toString(t.seed()), t.space(), t.optimizer(), r.selector(),
                        r.evaluator(), r.architecture(), num(t.supernetValidAcc()), num(r.projectedValidAcc()),
                        num(r.testAcc()), r.parameters() == 0 ? "" : Long.toString(r.parameters()),
                        secs(t.searchSeconds(), raw), secs(r.selectSeconds(), raw), secs(r.evalSeconds(), raw),
                        r.status().text(), r.message() == null ? "" : r.message()));
            }
        }
        return out;
    }

    /** A metric as it reads: integers without decimals (ranks, counts), others to 4 decimals. */
    static String metric(Double v) {
        if (v == null || v.isNaN()) {
            return "";
        }
        if (v.isInfinite()) {
            return v < 0 ? "-inf" : "inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        if (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e15) {
            // zero-cost proxies span 1e-7 (fisher) to 1e40 (synflow): keep 6 significant digits
            return String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+e", "e");
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4f", v)).stripTrailingZeros().toPlainString();
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
        return TextCells.csv(v);
    }
}
