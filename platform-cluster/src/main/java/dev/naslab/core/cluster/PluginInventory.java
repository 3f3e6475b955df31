package dev.naslab.core.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.naslab.core.config.Component;
import dev.naslab.core.config.Experiment;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.config.SearchSpec;
import dev.naslab.core.config.Study;
import dev.naslab.core.config.Variant;
import dev.naslab.core.plugin.PluginEntry;
import dev.naslab.core.plugin.Registry;
import dev.naslab.core.results.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plugin ids with their versions and jar hashes: what a worker has (published in its member
 * attributes) and what an experiment needs (every plugin one of its components comes from). The
 * coordinator places a trial only on a member that has every needed plugin, same version, same jar.
 */
public final class PluginInventory {

    private PluginInventory() {
    }

    /** The plugins installed in {@code registry}. */
    public static Map<String, PluginStamp> installed(Registry registry) {
        Map<String, PluginStamp> out = new TreeMap<>();
        for (PluginEntry e : registry.all()) {
            add(out, e);
        }
        return out;
    }

    /** The plugins the components of {@code study} come from. */
    public static Map<String, PluginStamp> required(Study study) {
        Map<String, PluginStamp> out = new TreeMap<>();
        for (Variant v : study.variants()) {
            Experiment e = v.experiment();
            List<Component> all = new ArrayList<>();
            all.add(e.dataset());
            all.addAll(e.spaces());
            for (SearchSpec s : e.searches()) {
                all.add(s.optimizer());
                all.addAll(s.selection());
            }
            all.addAll(e.evaluation());
            for (Component c : all) {
                if (c != null && c.entry() != null) {
                    add(out, c.entry());
                }
            }
        }
        return out;
    }

    private static void add(Map<String, PluginStamp> out, PluginEntry e) {
        if (e.pluginId() == null || out.containsKey(e.pluginId())) {
            return;
        }
        Path src = e.source();
        String sha = src != null && Files.isRegularFile(src) ? Provenance.sha256(src) : "";
        out.put(e.pluginId(), new PluginStamp(e.version(), sha));
    }

    /**
     * What a member with {@code have} lacks of {@code needed}, one phrase per plugin
     * ("plugin optimizer-darts 0.1.0 (it has 0.0.9)"); empty when it has everything.
     */
    public static List<String> lacking(Map<String, PluginStamp> needed, Map<String, PluginStamp> have) {
        List<String> out = new ArrayList<>();
        needed.forEach((id, n) -> {
            PluginStamp h = have.get(id);
            if (h == null) {
                out.add("plugin " + id + " " + n.version() + " (not installed)");
            } else if (!h.version().equals(n.version())) {
                out.add("plugin " + id + " " + n.version() + " (it has " + h.version() + ")");
            } else if (!n.sha256().isEmpty() && !h.sha256().isEmpty() && !n.sha256().equals(h.sha256())) {
                out.add("plugin " + id + " " + n.version() + " as built here (its jar differs: sha256 "
                        + h.sha256().substring(0, 12) + "… vs " + n.sha256().substring(0, 12) + "…)");
            }
        });
        return out;
    }

    static String encode(Map<String, PluginStamp> plugins) {
        try {
            return Mappers.JSON.writeValueAsString(plugins);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, PluginStamp> decode(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return Mappers.JSON.readValue(json, new TypeReference<TreeMap<String, PluginStamp>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
