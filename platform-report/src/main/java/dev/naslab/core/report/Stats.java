package dev.naslab.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The statistics of a comparison: mean, sample standard deviation, paired per-seed differences. */
public final class Stats {

    private Stats() {
    }

    /** Arithmetic mean of the finite values; NaN when there are none. */
    public static double mean(List<Double> values) {
        List<Double> v = finite(values);
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.size();
    }

    /** Sample standard deviation (n − 1) of the finite values; NaN with fewer than two. */
    public static double sampleStd(List<Double> values) {
        List<Double> v = finite(values);
        if (v.size() < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.size() - 1));
    }

    /**
     * Differences {@code a − b} on the seeds both have a finite value for.
     *
     * @param perSeed seed → difference, by seed
     * @param mean    mean difference
     * @param std     sample standard deviation of the differences
     */
    public record Paired(Map<Long, Double> perSeed, double mean, double std) {

        public int n() {
            return perSeed.size();
        }
    }

    public static Paired paired(Map<Long, Double> a, Map<Long, Double> b) {
        Map<Long, Double> d = new TreeMap<>();
        for (Map.Entry<Long, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null && Double.isFinite(other) && e.getValue() != null && Double.isFinite(e.getValue())) {
                d.put(e.getKey(), e.getValue() - other);
            }
        }
        List<Double> values = new ArrayList<>(d.values());
        return new Paired(d, mean(values), sampleStd(values));
    }

    private static List<Double> finite(List<Double> values) {
        return values.stream().filter(x -> x != null && Double.isFinite(x)).toList();
    }
}
