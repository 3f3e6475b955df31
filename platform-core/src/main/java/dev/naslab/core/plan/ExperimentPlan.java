package dev.naslab.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.naslab.core.config.Experiment;
import dev.naslab.core.config.Mappers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Expands an experiment's matrix (seeds × spaces × searches) into trials with stable ids. */
public final class ExperimentPlan {

    private ExperimentPlan() {
    }

    public static List<TrialSpec> trials(Experiment e, List<Path> pluginRoots, boolean development) {
        String yaml;
        try {
            yaml = Mappers.YAML.writeValueAsString(e.resolved());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        List<String> roots = pluginRoots.stream().map(p -> p.toAbsolutePath().toString()).toList();
        List<TrialSpec> out = new ArrayList<>();
        for (long seed : e.seeds()) {
            for (int s = 0; s < e.spaces().size(); s++) {
                for (int o = 0; o < e.searches().size(); o++) {
                    String id = e.spaces().get(s).label() + "." + e.searches().get(o).optimizer().label() + ".s" + seed;
                    out.add(new TrialSpec(id, seed, s, o, yaml, roots, development));
                }
            }
        }
        return out;
    }
}
