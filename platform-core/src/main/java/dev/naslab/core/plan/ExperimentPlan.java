package dev.naslab.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.naslab.core.config.Baseline;
import dev.naslab.core.config.Experiment;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.config.Study;
import dev.naslab.core.config.Variant;
import dev.naslab.core.results.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands an experiment into trials with stable ids: variants × seeds × spaces × searches, then each
 * baseline architecture × seed once per distinct evaluation setting (a sweep over search keys does
 * not evaluate the baselines again).
 */
public final class ExperimentPlan {

    /** Top-level keys whose values change how a fixed architecture is evaluated. */
    static final List<String> EVALUATION_KEYS = List.of("dataset", "space", "evaluation", "engine", "device",
            "threads");

    private ExperimentPlan() {
    }

    public static List<TrialSpec> trials(Study study, List<Path> pluginRoots, boolean development) {
        List<String> roots = pluginRoots.stream().map(p -> p.toAbsolutePath().toString()).toList();
        List<TrialSpec> out = new ArrayList<>();
        for (Variant v : study.variants()) {
            Experiment e = v.experiment();
            String yaml = yaml(e);
            for (long seed : e.seeds()) {
                for (int s = 0; s < e.spaces().size(); s++) {
                    for (int o = 0; o < e.searches().size(); o++) {
                        String id = prefix(v.label()) + e.spaces().get(s).label() + "."
                                + e.searches().get(o).optimizer().label() + ".s" + seed;
                        out.add(new TrialSpec(id, seed, s, o, yaml, roots, development, v.label(), v.values(), null,
                                e.spaces().get(s).label(), e.searches().get(o).optimizer().label()));
                    }
                }
            }
        }
        Map<String, Variant> byEvaluation = new LinkedHashMap<>();
        Map<String, Map<String, String>> relevantValues = new LinkedHashMap<>();
        for (Variant v : study.variants()) {
            Map<String, String> relevant = new LinkedHashMap<>();
            List<String> parts = new ArrayList<>();
            String[] labelParts = v.label().isEmpty() ? new String[0] : v.label().split("\\+");
            int i = 0;
            for (Map.Entry<String, String> kv : v.values().entrySet()) {
                if (EVALUATION_KEYS.contains(kv.getKey().split("\\.")[0])) {
                    relevant.put(kv.getKey(), kv.getValue());
                    parts.add(labelParts[i]);
                }
                i++;
            }
            String label = String.join("+", parts);
            byEvaluation.putIfAbsent(label, v);
            relevantValues.putIfAbsent(label, relevant);
        }
        for (Baseline b : study.baselines()) {
            for (Map.Entry<String, Variant> g : byEvaluation.entrySet()) {
                Experiment e = g.getValue().experiment();
                int s = e.spaces().stream().map(c -> c.label()).toList().indexOf(b.space());
                String yaml = yaml(e);
                for (long seed : e.seeds()) {
                    String id = prefix(g.getKey()) + b.space() + ".baseline-" + b.label() + ".s" + seed;
                    out.add(new TrialSpec(id, seed, s, -1, yaml, roots, development, g.getKey(),
                            relevantValues.get(g.getKey()), b, b.space(), TrialResult.BASELINE));
                }
            }
        }
        return out;
    }

    private static String prefix(String variant) {
        return variant.isEmpty() ? "" : variant + ".";
    }

    private static String yaml(Experiment e) {
        try {
            return Mappers.YAML.writeValueAsString(e.resolved());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
