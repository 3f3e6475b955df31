package dev.naslab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sweep:} block: a grid over key paths of the experiment file, e.g.
 * {@code search.0.epochs: [10, 25, 50]}. Every combination is one variant; each value is written in
 * place and validated as if the user had written it there.
 */
public final class Sweep {

    /** Top-level keys a sweep may not change: they name the run or are axes of their own. */
    static final List<String> FIXED = List.of("name", "output", "seeds", "sweep", "architectures");
    static final int MAX_VARIANTS = 1000;

    /** One swept key and its values. */
    record Axis(String key, List<JsonNode> values) {
    }

    private final List<Axis> axes;

    private Sweep(List<Axis> axes) {
        this.axes = axes;
    }

    /** Reads a {@code sweep:} node (null when absent), adding what is wrong with it to {@code problems}. */
    static Sweep parse(JsonNode node, List<Problem> problems) {
        List<Axis> axes = new ArrayList<>();
        if (node == null || node.isNull()) {
            return new Sweep(axes);
        }
        if (!(node instanceof ObjectNode o) || o.isEmpty()) {
            problems.add(new Problem("sweep", "must map key paths to lists of values, e.g. "
                    + "sweep: {search.epochs: [10, 25], dataset.train_limit: [4000, 8000]}"));
            return new Sweep(axes);
        }
        long combinations = 1;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            String where = "sweep." + key;
            String top = key.split("\\.")[0];
            if (FIXED.contains(top)) {
                problems.add(new Problem(where, "'" + top + "' cannot be swept" + (top.equals("seeds")
                        ? ": seeds are an axis of their own (seeds: [0, 1, 2])" : "; sweep the keys inside blocks "
                        + "such as search.epochs or dataset.train_limit")));
                continue;
            }
            if (!top.equals(key) ? !ExperimentLoader.TOP_KEYS.contains(top) : !ExperimentLoader.TOP_KEYS.contains(key)) {
                problems.add(new Problem(where, "'" + top + "' is not a key of an experiment"
                        + dev.naslab.api.Suggestions.hint(top, ExperimentLoader.TOP_KEYS) + "; allowed: "
                        + String.join(", ", ExperimentLoader.TOP_KEYS.stream().filter(k -> !FIXED.contains(k)).toList())));
                continue;
            }
            JsonNode values = f.getValue();
            if (!values.isArray() || values.isEmpty()) {
                problems.add(new Problem(where, "must be a non-empty list of values, e.g. [10, 25, 50]; found '"
                        + values + "'"));
                continue;
            }
            List<JsonNode> list = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode v : values) {
                if (!seen.add(v.toString())) {
                    problems.add(new Problem(where, "value " + text(v) + " is listed twice"));
                }
                list.add(v);
            }
            combinations *= list.size();
            axes.add(new Axis(key, list));
        }
        if (combinations > MAX_VARIANTS) {
            problems.add(new Problem("sweep", combinations + " variants (the product of the value lists) is more "
                    + "than " + MAX_VARIANTS + "; split the experiment"));
        }
        return new Sweep(axes);
    }

    boolean isEmpty() {
        return axes.isEmpty();
    }

    List<String> keys() {
        return axes.stream().map(Axis::key).toList();
    }

    /** Every combination of the values, the first key varying slowest; one empty map without a sweep. */
    List<Map<String, JsonNode>> points() {
        List<Map<String, JsonNode>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Axis a : axes) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> p : out) {
                for (JsonNode v : a.values()) {
                    Map<String, JsonNode> q = new LinkedHashMap<>(p);
                    q.put(a.key(), v);
                    next.add(q);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * A readable name for a point: each key's last name and its value ({@code epochs-10}), joined by
     * {@code +}; keys whose last names collide keep their whole path.
     */
    String label(Map<String, JsonNode> point) {
        Map<String, Integer> shortNames = new LinkedHashMap<>();
        for (String k : keys()) {
            shortNames.merge(shortName(k), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : point.entrySet()) {
            String s = shortName(e.getKey());
            String name = shortNames.get(s) > 1 ? e.getKey().replace('.', '-') : s;
            parts.add(name + "-" + text(e.getValue()).replaceAll("[^A-Za-z0-9._-]", "_"));
        }
        return String.join("+", parts);
    }

    /**
     * The problems of every point as one list: a problem at a swept key is reported under
     * {@code sweep.<key>} with the value that caused it; a problem every point shares is reported
     * once; any other names the variant it occurs in.
     */
    List<Problem> problems(List<Map<String, JsonNode>> points, List<List<Problem>> perPoint) {
        // problems at a swept key: path -> core message -> the values that caused it
        Map<String, Map<String, Set<String>>> atKeys = new LinkedHashMap<>();
        Set<Problem> other = new java.util.LinkedHashSet<>();
        for (int i = 0; i < points.size(); i++) {
            for (Problem p : perPoint.get(i)) {
                if (p.path().startsWith("sweep.")) {
                    other.add(p); // about the key path itself, whatever the value
                    continue;
                }
                String key = null;
                for (String k : points.get(i).keySet()) {
                    String at = problemPath(k);
                    if (p.path().equals(at) || p.path().startsWith(at + ".") || p.path().startsWith(at + "[")) {
                        key = k;
                    }
                }
                if (key != null) {
                    atKeys.computeIfAbsent(key, k -> new LinkedHashMap<>())
                            .computeIfAbsent(p.message(), m -> new java.util.LinkedHashSet<>())
                            .add(text(points.get(i).get(key)));
                } else {
                    final Problem q = p;
                    boolean everywhere = perPoint.stream().allMatch(l -> l.contains(q));
                    other.add(everywhere || points.get(i).isEmpty() ? p
                            : new Problem(p.path(), p.message() + " (sweep variant " + label(points.get(i)) + ")"));
                }
            }
        }
        List<Problem> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Set<String>>> k : atKeys.entrySet()) {
            int values = axes.stream().filter(a -> a.key().equals(k.getKey())).findFirst().map(a -> a.values().size())
                    .orElse(1);
            for (Map.Entry<String, Set<String>> m : k.getValue().entrySet()) {
                String which = m.getValue().size() == values && values > 1 ? ""
                        : "value " + String.join(", ", m.getValue()) + ": ";
                out.add(new Problem("sweep." + k.getKey(), which + m.getKey()));
            }
        }
        out.addAll(other);
        return out;
    }

    /** The key path as a problem path: {@code search.0.epochs} → {@code search[0].epochs}. */
    static String problemPath(String key) {
        return key.replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
    }

    private static String shortName(String key) {
        String[] parts = key.split("\\.");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].chars().allMatch(Character::isDigit)) {
                return parts[i];
            }
        }
        return key;
    }

    static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
