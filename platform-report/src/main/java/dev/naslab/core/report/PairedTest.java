package dev.naslab.core.report;

import java.util.Locale;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.inference.TTest;
import org.hipparchus.stat.inference.WilcoxonSignedRankTest;

/**
 * Whether a variant's per-seed differences against the baseline show a real difference: a 95 %
 * confidence interval of the mean difference (Student's t on the paired differences), the paired
 * t-test's two-sided p-value, Wilcoxon's signed-rank test (exact for up to 30 seeds; it makes no
 * normality assumption but needs at least 6 seeds to reach p < 0.05), a verdict in plain words,
 * and how many seeds a paired t-test would need to see a difference of the observed size with 80 %
 * power at α = 0.05 (the observed standard deviation taken as the true one: a rough guide).
 *
 * @param n           seeds with a value on both sides
 * @param mean        mean difference (variant − baseline), points
 * @param ciLow       lower end of the 95 % interval (NaN below 2 seeds)
 * @param ciHigh      upper end
 * @param tP          paired t-test p-value (NaN below 2 seeds or with identical differences)
 * @param wilcoxonP   Wilcoxon signed-rank p-value (NaN below 2 seeds)
 * @param seedsNeeded seeds for 80 % power, or -1 where it cannot be said (no spread, no difference)
 * @param verdict     the plain-words reading
 */
public record PairedTest(int n, double mean, double ciLow, double ciHigh, double tP, double wilcoxonP,
        int seedsNeeded, String verdict) {

    /** The significance level of the verdicts. */
    public static final double ALPHA = 0.05;
    private static final double POWER = 0.8;
    private static final int MAX_SEEDS = 10_000;

    /** The test of {@code p}'s differences. */
    public static PairedTest of(Stats.Paired p) {
        double[] d = p.perSeed().values().stream().mapToDouble(Double::doubleValue).toArray();
        int n = d.length;
        if (n < 2) {
            return new PairedTest(n, p.mean(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1,
                    n == 0 ? "no seed in common with the baseline" : "one seed: no test is possible");
        }
        double sd = p.std();
        double half = new TDistribution(n - 1).inverseCumulativeProbability(1 - ALPHA / 2) * sd / Math.sqrt(n);
        double tP = sd > 0 ? new TTest().tTest(0, d) : Double.NaN;
        double wP = wilcoxon(d);
        int needed = seedsNeeded(Math.abs(p.mean()), sd);
        return new PairedTest(n, p.mean(), p.mean() - half, p.mean() + half, tP, wP, needed,
                verdict(n, p.mean(), sd, tP, needed));
    }

    private static double wilcoxon(double[] d) {
        boolean allZero = true;
        for (double x : d) {
            allZero &= x == 0;
        }
        if (allZero) {
            return 1.0;
        }
        double[] zeros = new double[d.length];
        // Hipparchus doubles the smaller tail, P(W <= w), which exceeds 1/2 when W+ sits at the centre of its
        // distribution (n = 3, W+ = W- = 3: 2 * 5/8 = 1.25); a two-sided p-value is at most 1
        return Math.min(1.0, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(d, zeros, d.length <= 30));
    }

    /**
     * The smallest n for which a two-sided paired t-test at {@link #ALPHA} detects a true mean
     * difference {@code delta} with power {@link #POWER} when the differences' standard deviation is
     * {@code sd}: t(1 − α/2, n − 1) + t(power, n − 1) ≤ delta·√n / sd (the usual approximation).
     */
    static int seedsNeeded(double delta, double sd) {
        if (!(delta > 0) || !(sd > 0)) {
            return -1;
        }
        // t quantiles exceed the normal ones, so the normal approximation's n is a lower bound to start from
        double z = 1.959963984540054 + 0.8416212335729143; // z(0.975) + z(0.8)
        double lower = Math.ceil(Math.pow(z * sd / delta, 2));
        if (lower > MAX_SEEDS) {
            return MAX_SEEDS;
        }
        for (int n = Math.max(2, (int) lower); n <= MAX_SEEDS; n++) {
            TDistribution t = new TDistribution(n - 1);
            if (t.inverseCumulativeProbability(1 - ALPHA / 2) + t.inverseCumulativeProbability(POWER)
                    <= delta * Math.sqrt(n) / sd) {
                return n;
            }
        }
        return MAX_SEEDS;
    }

    private static String verdict(int n, double mean, double sd, double tP, int needed) {
        if (!(sd > 0)) {
            return mean == 0 ? "identical on all " + n + " seeds" : String.format(Locale.ROOT,
                    "%+.2f points on every one of %d seeds", mean, n);
        }
        if (tP < ALPHA) {
            return String.format(Locale.ROOT, "%s than the baseline by %.2f points (paired t, p = %.3f, %d seeds)",
                    mean > 0 ? "better" : "worse", Math.abs(mean), tP, n);
        }
        String more = needed < 0 ? "" : needed >= MAX_SEEDS ? "; a difference this small would need more than "
                + MAX_SEEDS + " seeds" : "; about " + needed + " seeds would be needed to see a difference of this size";
        return "not distinguishable with " + n + " seeds (paired t, p = " + String.format(Locale.ROOT, "%.2f", tP) + ")"
                + more;
    }

    /** For tables: the interval as "[a, b]". */
    public String interval() {
        return Double.isNaN(ciLow) ? "-" : String.format(Locale.ROOT, "[%+.2f, %+.2f]", ciLow, ciHigh);
    }

    /** The per-seed differences' test, from a map of seed → difference (for tests and callers with raw data). */
    static PairedTest ofDifferences(Map<Long, Double> differences) {
        return of(Stats.paired(differences, differences.keySet().stream()
                .collect(java.util.stream.Collectors.toMap(k -> k, k -> 0.0))));
    }
}
