package dev.naslab.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds what differs between trials put side by side beyond what the comparison intends (the
 * swept keys, the spaces, searches and selectors compared, the seeds): naslab, plugin and engine
 * versions and jar hashes, threads, machine, and dataset and evaluation settings.
 */
public final class ProvenanceCheck {

    private ProvenanceCheck() {
    }

    /** One line per key whose value is not the same in every trial. */
    public static List<String> warnings(List<RunFolder> runs, List<String> sweptKeys) {
        Map<String, Map<String, List<String>>> valuesByKey = new TreeMap<>();
        for (RunFolder run : runs) {
            for (RunFolder.Trial t : run.trials()) {
                if (t.manifest() == null) {
                    continue;
                }
                String who = runs.size() > 1 ? run.name() + "/" + t.id() : t.id();
                flatten(t.manifest(), sweptKeys).forEach((k, v) -> valuesByKey.computeIfAbsent(k,
                        x -> new LinkedHashMap<>()).computeIfAbsent(v, x -> new ArrayList<>()).add(who));
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> e : valuesByKey.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<String>> v : e.getValue().entrySet()) {
                List<String> who = v.getValue();
                parts.add(v.getKey() + " (" + (who.size() <= 2 ? String.join(", ", who)
                        : who.get(0) + " and " + (who.size() - 1) + " more") + ")");
            }
            out.add("rows side by side differ in " + e.getKey() + ": " + String.join(" vs ", parts));
        }
        return out;
    }

    /** The manifest's facts that must agree, as key → value. */
    static Map<String, String> flatten(JsonNode m, List<String> sweptKeys) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : List.of("naslab_version", "api_version", "engine", "engine_version", "djl_version", "device",
                "threads", "layout")) {
            if (m.has(k) && !sweptKeys.contains(k)) {
                out.put(k, m.get(k).asText());
            }
        }
        m.path("machine").fields().forEachRemaining(e -> out.put("machine." + e.getKey(), e.getValue().asText()));
        m.path("plugins").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            out.put("plugin " + e.getKey(), p.isObject() ? p.path("plugin").asText() + "@" + p.path("version").asText()
                    + " sha256 " + p.path("sha256").asText() : p.asText());
        });
        JsonNode exp = m.path("experiment");
        Set<String> skip = new LinkedHashSet<>();
        for (String s : sweptKeys) {
            skip.add(s.replaceAll("\\.\\d+(?=\\.|$)", ""));
        }
        walk("dataset", exp.path("dataset"), skip, out);
        JsonNode ev = exp.path("evaluation");
        for (int i = 0; i < ev.size(); i++) {
            walk("evaluation." + ev.get(i).path("label").asText(ev.get(i).path("use").asText()), ev.get(i), skip, out);
        }
        return out;
    }

    private static void walk(String path, JsonNode n, Set<String> skip, Map<String, String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(path + "." + e.getKey(), e.getValue(), skip, out);
            }
        } else if (!n.isMissingNode()) {
            if (!isSwept(path, skip)) {
                out.put("experiment " + path, n.toString());
            }
        }
    }

    /** {@code evaluation.train.epochs} is swept by {@code evaluation.epochs} or {@code evaluation.0.epochs}. */
    private static boolean isSwept(String path, Set<String> skip) {
        String[] p = path.split("\\.");
        for (String s : skip) {
            String[] k = s.split("\\.");
            if (k[0].equals(p[0]) && k[k.length - 1].equals(p[p.length - 1])) {
                return true;
            }
        }
        return false;
    }
}
