package dev.naslab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code architectures:} block: fixed architectures evaluated next to the searched ones. Each
 * entry is a published name (DARTS_V2, all_skip), an architecture string, or {@code {architecture:
 * ..., label: ..., space: ...}}; it is checked against every space it applies to (all spaces
 * unless it names one) in every sweep variant, and stored in the space's own format.
 */
final class BaselineReader {

    private static final List<String> KEYS = List.of("architecture", "label", "space");

    private BaselineReader() {
    }

    static List<Baseline> read(JsonNode node, List<Variant> variants, List<Problem> problems) {
        List<Baseline> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(new Problem("architectures", "must be a list of architectures: published names such as "
                    + "DARTS_V2, architecture strings, or {architecture: ..., label: ..., space: ...}"));
            return out;
        }
        List<Component> spaces = variants.get(0).experiment().spaces();
        List<String> spaceLabels = spaces.stream().map(Component::label).toList();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "architectures[" + i + "]";
            JsonNode entry = node.get(i);
            Optional<Entry> e = entry(entry, path, spaceLabels, problems);
            if (e.isEmpty()) {
                continue;
            }
            for (int s = 0; s < spaces.size(); s++) {
                Component space = spaces.get(s);
                if (e.get().space() != null && !e.get().space().equals(space.label())) {
                    continue;
                }
                String where = path + (entry.isTextual() ? "" : ".architecture");
                Optional<Resolved> r = resolve(e.get().text(), s, variants, where, problems);
                if (r.isEmpty()) {
                    continue;
                }
                String label = e.get().label() != null ? e.get().label()
                        : r.get().published() != null ? r.get().published() : "baseline" + i;
                if (!labels.add(space.label() + "/" + label)) {
                    problems.add(new Problem(path, "two architectures are named '" + label + "' for space "
                            + space.label() + ": give each a distinct 'label'"));
                    continue;
                }
                out.add(new Baseline(label, space.label(), r.get().architecture()));
            }
        }
        return out;
    }

    /** One entry as written: its architecture text, and the label and space it names (or null). */
    private record Entry(String text, String label, String space) {
    }

    /** An architecture in the space's format, and the published name it was given by (or null). */
    private record Resolved(String architecture, String published) {
    }

    private static Optional<Entry> entry(JsonNode entry, String path, List<String> spaceLabels,
            List<Problem> problems) {
        if (entry.isTextual()) {
            return Optional.of(new Entry(entry.asText(), null, null));
        }
        if (!(entry instanceof ObjectNode o && o.path("architecture").isTextual())) {
            problems.add(new Problem(path, "must be a published name (e.g. DARTS_V2), an architecture string, "
                    + "or {architecture: ..., label: ..., space: ...}"));
            return Optional.empty();
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                problems.add(new Problem(path + "." + k, "unknown key" + Suggestions.hint(k, KEYS)
                        + "; allowed: architecture, label, space"));
            }
        }
        String label = o.has("label") ? o.get("label").asText() : null;
        if (label != null && !label.matches("[A-Za-z0-9._-]+")) {
            problems.add(new Problem(path + ".label", "'" + label + "' must be a name of letters, digits, '.', '_' "
                    + "and '-'"));
            return Optional.empty();
        }
        String space = o.has("space") ? o.get("space").asText() : null;
        if (space != null && !spaceLabels.contains(space)) {
            problems.add(new Problem(path + ".space", "no space is labelled '" + space + "'"
                    + Suggestions.hint(space, spaceLabels) + "; spaces: " + String.join(", ", spaceLabels)));
            return Optional.empty();
        }
        return Optional.of(new Entry(o.get("architecture").asText(), label, space));
    }

    /**
     * {@code text} as an architecture of the {@code s}-th space, which must hold in every variant
     * (a sweep may change the space's settings); the first variant's form is kept.
     */
    private static Optional<Resolved> resolve(String text, int s, List<Variant> variants, String where,
            List<Problem> problems) {
        Resolved first = null;
        for (Variant v : variants) {
            Component c = v.experiment().spaces().get(s);
            SearchSpace<Record> space = c.extension(SearchSpace.class);
            Map<String, String> names = space.publishedArchitectures(c.settings());
            Optional<String> name = names.keySet().stream().filter(n -> n.equalsIgnoreCase(text)).findFirst();
            try {
                String formatted = space.format(space.parse(name.map(names::get).orElse(text), c.settings()),
                        c.settings());
                if (first == null) {
                    first = new Resolved(formatted, name.orElse(null));
                }
            } catch (RuntimeException ex) {
                boolean spaceSwept = v.values().keySet().stream().anyMatch(k -> k.startsWith("space"));
                String variant = spaceSwept ? " (sweep variant " + v.label() + ")" : "";
                if (name.isEmpty() && text.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
                    problems.add(new Problem(where, "unknown architecture '" + text + "' for space " + c.label()
                            + Suggestions.hint(text, List.copyOf(names.keySet())) + "; published names: "
                            + (names.isEmpty() ? "(none)" : String.join(", ", names.keySet()))
                            + ", or give an architecture string" + variant));
                } else {
                    problems.add(new Problem(where, "not an architecture of space " + c.label() + ": "
                            + ex.getMessage() + variant));
                }
                return Optional.empty();
            }
        }
        return Optional.ofNullable(first);
    }
}
