package dev.naslab.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code summary.csv}: one row per variant with every number of the report, unrounded (4
 * decimals), for a spreadsheet or a notebook. Empty cells mean "not measured"; the baseline's
 * statistics columns are empty and its verdict says {@code (baseline)}.
 */
final class SummaryCsv {

    private SummaryCsv() {
    }

    static String of(ReportTables tables) {
        Comparison comparison = tables.comparison();
        String mainCell = tables.mainCell();
        List<String> swept = comparison.sweptKeys();
        List<String> head = new ArrayList<>(List.of("variant"));
        head.addAll(swept);
        head.addAll(List.of("run", "space", "optimizer", "selector", "evaluator", "n", "test_acc_mean", "test_acc_std",
                "test_acc_per_seed", "diff_vs_baseline_mean", "diff_vs_baseline_std", "diff_vs_baseline_per_seed",
                "rank", "projected_valid_acc_mean", "projected_valid_acc_std", "supernet_valid_acc_mean",
                "supernet_valid_acc_std", "parameters_mean", "search_seconds_mean", "select_seconds_mean",
                "eval_seconds_mean", "skip_connect_per_" + mainCell, "problems", "diff_ci95_low", "diff_ci95_high",
                "paired_t_p", "wilcoxon_p", "seeds_needed", "verdict"));
        StringBuilder sb = new StringBuilder(line(head));
        for (Comparison.Group g : comparison.groups()) {
            List<String> row = new ArrayList<>();
            row.add(g.name());
            swept.forEach(k -> row.add(g.swept.getOrDefault(k, "")));
            Stats.Paired p = g.vsBaseline();
            row.addAll(List.of(g.key.run(), g.key.space(), g.key.optimizer(), g.key.selector(), g.key.evaluator(),
                    Long.toString(g.test.values().stream().filter(Double::isFinite).count()),
                    num(Stats.mean(values(g.test))), num(Stats.sampleStd(values(g.test))), seedList(g.test),
                    num(p.mean()), num(p.std()), seedList(p.perSeed()), Integer.toString(g.rank()),
                    num(Stats.mean(values(g.projected))), num(Stats.sampleStd(values(g.projected))),
                    num(Stats.mean(values(g.supernet))), num(Stats.sampleStd(values(g.supernet))),
                    ReportTables.mean(g.parameters, 0), ReportTables.mean(g.searchSeconds, 1),
                    ReportTables.mean(g.selectSeconds, 1), ReportTables.mean(g.evalSeconds, 1),
                    num(g.meanCount(mainCell, "skip_connect")), String.join("; ", g.problems)));
            if (g == comparison.baseline() || comparison.baseline() == null) {
                row.addAll(List.of("", "", "", "", "", g == comparison.baseline() ? "(baseline)" : ""));
            } else {
                PairedTest t = PairedTest.of(p);
                row.addAll(List.of(num(t.ciLow()), num(t.ciHigh()), num(t.tP()), num(t.wilcoxonP()),
                        t.seedsNeeded() < 0 ? "" : Integer.toString(t.seedsNeeded()), t.verdict()));
            }
            sb.append(line(row));
        }
        return sb.toString();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(TextCells::csv).collect(Collectors.joining(",")) + "\n";
    }

    private static List<Double> values(Map<Long, Double> perSeed) {
        return new ArrayList<>(perSeed.values());
    }

    private static String seedList(Map<Long, Double> m) {
        return m.entrySet().stream().filter(e -> Double.isFinite(e.getValue()))
                .map(e -> e.getKey() + ":" + String.format(Locale.ROOT, "%.4f", e.getValue()))
                .collect(Collectors.joining(";"));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }
}
