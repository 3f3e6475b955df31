package dev.naslab.core.report;

import dev.naslab.core.results.TrialStatus;
import dev.naslab.core.UserException;
import dev.naslab.core.results.ResultRow;
import dev.naslab.core.results.TrialResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Results of one or more runs grouped into variants (run × sweep variant × space × search ×
 * selector × evaluator), each with its per-seed values, summary statistics, paired differences
 * against a baseline variant and a rank by mean test accuracy.
 */
public final class Comparison {

    /** What makes a variant. */
    record Key(String run, String variant, String space, String optimizer, String selector, String evaluator) {
    }

    /** One variant: per-seed values of every metric. */
    public static final class Group {
        final Key key;
        String name;
        final Map<String, String> swept = new LinkedHashMap<>();
        final Map<Long, Double> test = new TreeMap<>();
        final Map<Long, Double> projected = new TreeMap<>();
        final Map<Long, Double> supernet = new TreeMap<>();
        final Map<Long, Double> parameters = new TreeMap<>();
        final Map<Long, Double> searchSeconds = new TreeMap<>();
        final Map<Long, Double> selectSeconds = new TreeMap<>();
        final Map<Long, Double> evalSeconds = new TreeMap<>();
        final Map<Long, String> architecture = new TreeMap<>();
        final Map<Long, Map<String, List<String>>> cells = new TreeMap<>();
        final Map<Long, String> trial = new TreeMap<>();
        final List<String> problems = new ArrayList<>();
        Stats.Paired vsBaseline;
        int rank;

        Group(Key key) {
            this.key = key;
        }

        public String name() {
            return name;
        }

        public Map<Long, Double> test() {
            return test;
        }

        public int rank() {
            return rank;
        }

        public Stats.Paired vsBaseline() {
            return vsBaseline;
        }

        boolean isBaselineTrial() {
            return key.optimizer().equals(TrialResult.BASELINE);
        }

        /** How many edges of {@code cellType} chose {@code op}, mean over seeds (NaN without architectures). */
        double meanCount(String cellType, String op) {
            List<Double> counts = new ArrayList<>();
            for (Map<String, List<String>> a : cells.values()) {
                List<String> ops = a.get(cellType);
                if (ops != null) {
                    counts.add((double) ops.stream().filter(op::equals).count());
                }
            }
            return Stats.mean(counts);
        }
    }

    private final List<RunFolder> runs;
    private final List<Group> groups;
    private final Group baseline;

    private Comparison(List<RunFolder> runs, List<Group> groups, Group baseline) {
        this.runs = runs;
        this.groups = groups;
        this.baseline = baseline;
    }

    public List<RunFolder> runs() {
        return runs;
    }

    public List<Group> groups() {
        return groups;
    }

    public Group baseline() {
        return baseline;
    }

    /** Swept keys over every run, in first-seen order. */
    public List<String> sweptKeys() {
        Set<String> keys = new LinkedHashSet<>();
        groups.forEach(g -> keys.addAll(g.swept.keySet()));
        return new ArrayList<>(keys);
    }

    /**
     * Groups the finished rows of {@code runs}; {@code baselineName} names the variant differences are
     * taken against (null: the first variant).
     */
    public static Comparison of(List<RunFolder> runs, String baselineName) {
        Map<Key, Group> groups = new LinkedHashMap<>();
        for (RunFolder run : runs) {
            for (RunFolder.Trial t : run.trials()) {
                TrialResult r = t.result();
                if (r == null) {
                    continue;
                }
                for (ResultRow row : r.rows()) {
                    if (row.selector().equals("-")) {
                        continue; // the search failed: nothing selected
                    }
                    if (ProxyRanking.proxyRow(row)) {
                        continue; // no accuracy to compare (zero-cost proxies): the proxy ranking reads it
                    }
                    Key k = new Key(run.name(), r.variant(), r.space(), r.optimizer(), row.selector(), row.evaluator());
                    Group g = groups.computeIfAbsent(k, Group::new);
                    g.swept.putAll(r.values());
                    long seed = r.seed();
                    g.trial.put(seed, r.trial());
                    if (row.status() != TrialStatus.OK) {
                        g.problems.add("seed " + seed + ": " + row.status() + " (" + row.message() + ")");
                    }
                    g.test.put(seed, row.testAcc());
                    g.projected.put(seed, row.projectedValidAcc());
                    g.supernet.put(seed, r.supernetValidAcc());
                    g.parameters.put(seed, row.parameters() == 0 ? Double.NaN : (double) row.parameters());
                    g.searchSeconds.put(seed, r.searchSeconds());
                    g.selectSeconds.put(seed, row.selectSeconds());
                    g.evalSeconds.put(seed, row.evalSeconds());
                    g.architecture.put(seed, row.architecture());
                    Map<String, List<String>> cells = t.selected().get(row.selector());
                    if (cells != null && !cells.isEmpty()) {
                        g.cells.put(seed, cells);
                    }
                }
            }
        }
        List<Group> list = new ArrayList<>(groups.values());
        name(list);
        Group base = null;
        if (!list.isEmpty()) {
            if (baselineName == null) {
                base = list.get(0);
            } else {
                base = list.stream().filter(g -> g.name.equals(baselineName)).findFirst()
                        .or(() -> list.stream().filter(g -> g.name.equalsIgnoreCase(baselineName)).findFirst())
                        .orElseThrow(() -> new UserException("--baseline '" + baselineName + "' is not a variant of "
                                + "these runs" + dev.naslab.api.Suggestions.hint(baselineName,
                                list.stream().map(Group::name).toList()) + "; variants: "
                                + String.join(", ", list.stream().map(Group::name).toList())));
            }
            for (Group g : list) {
                g.vsBaseline = Stats.paired(g.test, base.test);
            }
            List<Group> ranked = new ArrayList<>(list);
            ranked.sort(Comparator.comparingDouble((Group g) -> {
                double m = Stats.mean(new ArrayList<>(g.test.values()));
                return Double.isNaN(m) ? Double.NEGATIVE_INFINITY : m;
            }).reversed());
            for (int i = 0; i < ranked.size(); i++) {
                ranked.get(i).rank = i + 1;
            }
        }
        return new Comparison(runs, list, base);
    }

    /** Names made of the parts that differ between variants, joined by '/' (e.g. epochs-4/darts/perturbation). */
    private static void name(List<Group> groups) {
        boolean runs = distinct(groups, k -> k.run()) > 1;
        boolean variants = groups.stream().anyMatch(g -> !g.key.variant().isEmpty());
        boolean spaces = distinct(groups, k -> k.space()) > 1;
        boolean evaluators = distinct(groups, k -> k.evaluator()) > 1;
        for (Group g : groups) {
            List<String> parts = new ArrayList<>();
            if (runs) {
                parts.add(g.key.run());
            }
            if (variants && !g.key.variant().isEmpty()) {
                parts.add(g.key.variant());
            }
            if (spaces) {
                parts.add(g.key.space());
            }
            parts.add(g.key.optimizer());
            parts.add(g.key.selector());
            if (evaluators) {
                parts.add(g.key.evaluator());
            }
            g.name = String.join("/", parts);
        }
    }

    private static long distinct(List<Group> groups, java.util.function.Function<Key, String> part) {
        return groups.stream().map(g -> part.apply(g.key)).filter(Objects::nonNull).distinct().count();
    }
}
