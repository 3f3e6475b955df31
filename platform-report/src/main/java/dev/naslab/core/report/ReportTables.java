package dev.naslab.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The comparison's tables as text, shared by the Markdown and HTML pages: the title and progress
 * line, the results table (mean ± std, per seed, paired Δ against the baseline, rank) and the
 * statistics table (interval, paired t and Wilcoxon p, verdict). Numbers are formatted here once.
 */
final class ReportTables {

    static final List<String> STATS_HEAD = List.of("variant", "n", "Δ test (mean)", "95 % interval (t)",
            "paired t p", "Wilcoxon p", "verdict");

    static final String STATS_NOTE = "Per-seed differences against the baseline (same seed, same data split). "
            + "The interval is the mean difference ± t(0.975, n − 1) · s / √n; the paired t-test assumes roughly normal "
            + "differences, Wilcoxon's signed-rank test (exact) does not, and cannot reach p < 0.05 with fewer than 6 "
            + "seeds. A verdict is drawn at p < 0.05 from the t-test; the seeds it would need assume the observed "
            + "spread is the true one (80 % power).";

    private final Comparison comparison;

    ReportTables(Comparison comparison) {
        this.comparison = comparison;
    }

    Comparison comparison() {
        return comparison;
    }

    /** The run names, joined. */
    String title() {
        return comparison.runs().stream().map(RunFolder::name).distinct().collect(Collectors.joining(" + "));
    }

    /** "12 trial(s): 10 done, 2 running". */
    String progressLine() {
        Map<String, Integer> states = new TreeMap<>();
        comparison.runs().forEach(r -> r.trials().forEach(t -> states.merge(t.state(), 1, Integer::sum)));
        int total = states.values().stream().mapToInt(Integer::intValue).sum();
        return total + " trial(s): " + states.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /** What the searches' early-stopping rules did, one line per trial that has something to say ({@code early_stop:}). */
    List<String> earlyStops() {
        List<String> out = new ArrayList<>();
        for (RunFolder r : comparison.runs()) {
            for (RunFolder.Trial t : r.trials()) {
                if (t.result() != null && !t.result().searchStop().isEmpty()) {
                    out.add((comparison.runs().size() > 1 ? r.name() + "/" : "") + t.id() + ": " + t.result().searchStop());
                }
            }
        }
        return out;
    }

    /** What the early-stopping section says before its lines. */
    static final String EARLY_STOP_NOTE = "What each search's early_stop rule did (search/stops.jsonl of the trial). "
            + "A stopped search hands the supernet of the epoch it names to every selector; a roll-back's undone "
            + "epochs are kept in search/superseded-N/.";

    /** The first cell type of the runs (normal for DARTS, cell for NAS-Bench-201), for skip counts. */
    String mainCell() {
        for (RunFolder r : comparison.runs()) {
            for (RunFolder.Trial t : r.trials()) {
                if (!t.cells().isEmpty()) {
                    return t.cells().get(0).name();
                }
            }
        }
        return "cell";
    }

    /** "normal cell", "reduce cell"; NAS-Bench-201's cell type is simply "cell". */
    static String cellTitle(String cellType) {
        return cellType.equals("cell") ? "cell" : cellType + " cell";
    }

    String baselineName() {
        return comparison.baseline() == null ? "-" : comparison.baseline().name();
    }

    /** The groups compared against the baseline (not the baseline itself). */
    List<Comparison.Group> compared() {
        return comparison.baseline() == null ? List.of() : comparison.groups().stream()
                .filter(g -> g != comparison.baseline()).toList();
    }

    List<String> resultsHead() {
        return List.of("variant", "n", "test acc % (mean ± std)", "per seed", "Δ test vs " + baselineName()
                + " (paired)", "rank", "projected valid %", "supernet valid %", "parameters",
                "skip_connect per " + cellTitle(mainCell()));
    }

    List<List<String>> resultsRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Group g : comparison.groups()) {
            rows.add(List.of(g.name(), Long.toString(g.test.values().stream().filter(Double::isFinite).count()),
                    meanStd(g.test), perSeed(g.test), delta(g), Integer.toString(g.rank()), meanStd(g.projected),
                    meanStd(g.supernet), mean(g.parameters, 0), skip(g)));
        }
        return rows;
    }

    List<List<String>> statsRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Group g : compared()) {
            PairedTest t = PairedTest.of(g.vsBaseline());
            rows.add(List.of(g.name(), Integer.toString(t.n()), Double.isNaN(t.mean()) ? "-"
                    : String.format(Locale.ROOT, "%+.2f", t.mean()), t.interval(), p(t.tP()), p(t.wilcoxonP()),
                    t.verdict()));
        }
        return rows;
    }

    /** The mean of the per-seed values with {@code digits} decimals, or empty. */
    static String mean(Map<Long, Double> values, int digits) {
        double m = Stats.mean(new ArrayList<>(values.values()));
        return Double.isNaN(m) ? "" : String.format(Locale.ROOT, "%." + digits + "f", m);
    }

    /** The mean time per seed as a duration ("1m20s"), or "-". */
    static String duration(Map<Long, Double> seconds) {
        double m = Stats.mean(new ArrayList<>(seconds.values()));
        return Double.isNaN(m) ? "-" : dev.naslab.core.progress.Durations.format(m);
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

    private static String p(double v) {
        return Double.isNaN(v) ? "-" : v < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", v);
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
}
