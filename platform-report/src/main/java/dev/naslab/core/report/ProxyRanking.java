package dev.naslab.core.report;

import dev.naslab.core.results.ResultRow;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.results.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.stat.correlation.KendallsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

/**
 * How well each zero-cost proxy ranks the architectures as their trained accuracy does: over every (trial,
 * selector) whose results have both a row without test accuracy that carries the proxy (the {@code zero-cost}
 * evaluator's) and a row with a test accuracy (say {@code train}'s), Spearman's and Kendall's rank correlation of
 * the proxy's values with those accuracies, one line per proxy and accuracy evaluator.
 */
final class ProxyRanking {

    /** One proxy against one accuracy evaluator. */
    record Line(String proxy, String against, int n, double spearman, double kendall, double seconds) {
    }

    private ProxyRanking() {
    }

    static final String NOTE = "Rank correlation of each zero-cost proxy with the test accuracy of the same selected "
            + "architecture (same trial and selector) as another evaluator measured it; 1 ranks exactly as training "
            + "does, 0 not at all. Seconds are the proxy's mean time per architecture. Below 3 architectures there is "
            + "nothing to correlate.";

    /** Whether a row carries proxies rather than an accuracy: finished, no test accuracy, further numbers. */
    static boolean proxyRow(ResultRow row) {
        return row.status() == TrialStatus.OK && Double.isNaN(row.testAcc()) && !row.metrics().isEmpty();
    }

    static List<Line> of(List<RunFolder> runs) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (RunFolder run : runs) {
            for (RunFolder.Trial t : run.trials()) {
                TrialResult r = t.result();
                if (r == null) {
                    continue;
                }
                for (ResultRow proxies : r.rows()) {
                    if (!proxyRow(proxies)) {
                        continue;
                    }
                    for (ResultRow trained : r.rows()) {
                        if (!trained.selector().equals(proxies.selector()) || trained.status() != TrialStatus.OK
                                || Double.isNaN(trained.testAcc())) {
                            continue;
                        }
                        proxies.metrics().forEach((k, v) -> {
                            if (k.endsWith("_seconds")) {
                                return;
                            }
                            points.computeIfAbsent(k + "\t" + trained.evaluator(), x -> new ArrayList<>())
                                    .add(new double[] {v, trained.testAcc()});
                            Double s = proxies.metrics().get(k + "_seconds");
                            if (s != null) {
                                seconds.computeIfAbsent(k + "\t" + trained.evaluator(), x -> new ArrayList<>()).add(s);
                            }
                        });
                    }
                }
            }
        }
        List<Line> out = new ArrayList<>();
        points.forEach((key, p) -> {
            String[] k = key.split("\t");
            double[] x = p.stream().mapToDouble(a -> a[0]).toArray();
            double[] y = p.stream().mapToDouble(a -> a[1]).toArray();
            boolean enough = p.size() >= 3;
            double rho = enough ? new SpearmansCorrelation().correlation(x, y) : Double.NaN;
            double tau = enough ? new KendallsCorrelation().correlation(x, y) : Double.NaN;
            double s = seconds.getOrDefault(key, List.of()).stream().mapToDouble(Double::doubleValue).average()
                    .orElse(Double.NaN);
            out.add(new Line(k[0], k[1], p.size(), rho, tau, s));
        });
        return out;
    }

    static List<String> head() {
        return List.of("proxy", "against", "n", "Spearman", "Kendall", "seconds");
    }

    static List<List<String>> rows(List<Line> lines) {
        List<List<String>> out = new ArrayList<>();
        for (Line l : lines) {
            out.add(List.of(l.proxy(), l.against(), Integer.toString(l.n()), number(l.spearman()), number(l.kendall()),
                    Double.isNaN(l.seconds()) ? "–" : String.format(Locale.ROOT, "%.3f", l.seconds())));
        }
        return out;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.3f", v);
    }
}
