package dev.naslab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.Suggestions;
import dev.naslab.core.plugin.Kind;
import dev.naslab.core.plugin.PluginEntry;
import dev.naslab.core.plugin.Registry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the component blocks of an experiment ({@code dataset}, {@code space}, {@code search},
 * {@code selection}, {@code evaluation}): each a plugin id or {@code {use: <id>, label: ..., settings...}},
 * looked up in the installed plugins and bound to the extension's settings record. Every problem
 * is added to the caller's list with its key path; a block with a problem yields no component.
 */
final class ComponentReader {

    private static final String NAME = "[A-Za-z0-9._-]+";

    private final Registry registry;

    ComponentReader(Registry registry) {
        this.registry = registry;
    }

    /** The one block under {@code kind}'s key (the dataset); a list there is a problem. */
    Optional<Component> single(ObjectNode root, Kind kind, boolean required, List<Problem> problems) {
        JsonNode n = root.get(kind.key());
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(new Problem(kind.key(), "required: {use: <" + kind.noun() + " id>, ...}; installed: "
                        + installed(kind)));
            }
            return Optional.empty();
        }
        if (n.isArray()) {
            problems.add(new Problem(kind.key(), "takes one " + kind.noun() + ", not a list"));
            return Optional.empty();
        }
        return component(n, kind, kind.key(), false, problems);
    }

    /** A block or a list of blocks under {@code kind}'s key. */
    List<Component> list(ObjectNode root, Kind kind, boolean required, List<Problem> problems) {
        return list(root, kind, required, false, problems);
    }

    /**
     * The {@code search} blocks, each with its selectors: its own {@code selection:} list, else the
     * experiment's {@code selection}.
     */
    List<SearchSpec> searches(ObjectNode root, List<Component> selection, List<Problem> problems) {
        List<Component> optimizers = list(root, Kind.OPTIMIZER, true, true, problems);
        List<SearchSpec> out = new ArrayList<>();
        JsonNode node = root.get("search");
        for (int i = 0; i < optimizers.size(); i++) {
            JsonNode block = node != null && node.isArray() ? node.get(i) : node;
            List<Component> sel = selection;
            if (block != null && block.has("selection")) {
                String path = optimizers.get(i).path() + ".selection";
                sel = components(block.get("selection"), Kind.SELECTOR, path, false, problems);
                if (sel.isEmpty()) {
                    problems.add(new Problem(path, "needs at least one selector"));
                }
            }
            out.add(new SearchSpec(optimizers.get(i), sel, checkpointEvery(block, optimizers.get(i).path(), problems)));
        }
        return out;
    }

    /** The search block's {@code checkpoint_every}: host policy, a positive number of epochs. */
    private static int checkpointEvery(JsonNode block, String path, List<Problem> problems) {
        JsonNode n = block == null ? null : block.get(SearchSpec.CHECKPOINT_EVERY);
        if (n == null) {
            return SearchSpec.DEFAULT_CHECKPOINT_EVERY;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
            problems.add(new Problem(path + "." + SearchSpec.CHECKPOINT_EVERY, "'" + n.asText() + "' is not a positive "
                    + "number of epochs: how often the search writes a checkpoint it can resume from (default "
                    + SearchSpec.DEFAULT_CHECKPOINT_EVERY + "; the last epoch always has one)"));
            return SearchSpec.DEFAULT_CHECKPOINT_EVERY;
        }
        return n.asInt();
    }

    private List<Component> list(ObjectNode root, Kind kind, boolean required, boolean searchBlock,
            List<Problem> problems) {
        JsonNode n = root.get(kind.key());
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(new Problem(kind.key(), "required: a " + kind.noun() + " block or a list of them; "
                        + "installed: " + installed(kind)));
            }
            return List.of();
        }
        List<Component> out = components(n, kind, kind.key(), searchBlock, problems);
        if (required && out.isEmpty() && n.isArray() && n.isEmpty()) {
            problems.add(new Problem(kind.key(), "needs at least one " + kind.noun()));
        }
        return out;
    }

    private List<Component> components(JsonNode n, Kind kind, String path, boolean searchBlock,
            List<Problem> problems) {
        List<Component> out = new ArrayList<>();
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                component(n.get(i), kind, path + "[" + i + "]", searchBlock, problems).ifPresent(out::add);
            }
        } else {
            component(n, kind, path, searchBlock, problems).ifPresent(out::add);
        }
        Set<String> labels = new HashSet<>();
        for (Component c : out) {
            if (!labels.add(c.label())) {
                problems.add(new Problem(path, "two " + kind.noun() + "s are named '" + c.label()
                        + "': give each a distinct 'label'"));
            }
        }
        return out;
    }

    /**
     * One block. In a search block, {@code selection} is the search's own selectors (read by
     * {@link #searches}), not a setting of the optimizer.
     */
    private Optional<Component> component(JsonNode n, Kind kind, String path, boolean searchBlock,
            List<Problem> problems) {
        String id;
        String label = null;
        ObjectNode settings = Mappers.YAML.createObjectNode();
        if (n.isTextual()) {
            id = n.asText();
        } else if (n instanceof ObjectNode o) {
            JsonNode use = o.get("use");
            if (use == null || !use.isTextual()) {
                problems.add(new Problem(path + ".use", "required: the " + kind.noun() + " id; installed: "
                        + installed(kind)));
                return Optional.empty();
            }
            id = use.asText();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                switch (f.getKey()) {
                    case "use" -> { }
                    case "label" -> {
                        if (f.getValue().isTextual() && f.getValue().asText().matches(NAME)) {
                            label = f.getValue().asText();
                        } else {
                            problems.add(new Problem(path + ".label", "'" + f.getValue().asText()
                                    + "' must be a name of letters, digits, '.', '_' and '-'"));
                        }
                    }
                    case "selection", SearchSpec.CHECKPOINT_EVERY, SearchSpec.EARLY_STOP -> {
                        if (!searchBlock) {
                            settings.set(f.getKey(), f.getValue());
                        }
                    }
                    default -> settings.set(f.getKey(), f.getValue());
                }
            }
        } else {
            problems.add(new Problem(path, "must be a block {use: <" + kind.noun() + " id>, ...} or an id; "
                    + "installed: " + installed(kind)));
            return Optional.empty();
        }
        String idPath = n.isTextual() ? path : path + ".use";
        Optional<PluginEntry> entry = registry.find(kind, id);
        Optional<String> clash = registry.clash(kind, id);
        if (entry.isEmpty() && clash.isPresent()) {
            problems.add(new Problem(idPath, clash.get()));
            return Optional.empty();
        }
        if (entry.isEmpty()) {
            problems.add(new Problem(idPath, "unknown " + kind.noun() + " '" + id + "'"
                    + Suggestions.hint(id, registry.ids(kind)) + "; installed: " + installed(kind)));
            return Optional.empty();
        }
        Optional<? extends Record> bound = SettingsBinder.bind(settings, entry.get().extension().settingsClass(), path,
                problems);
        String finalLabel = label == null ? id : label;
        return bound.map(r -> new Component(kind, finalLabel, path, entry.get(), r));
    }

    private String installed(Kind kind) {
        List<String> ids = registry.ids(kind);
        return ids.isEmpty() ? "(none: is the plugins folder right?)" : String.join(", ", ids);
    }
}
