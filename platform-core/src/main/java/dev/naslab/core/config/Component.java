package dev.naslab.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.core.plugin.Kind;
import dev.naslab.core.plugin.PluginEntry;

/**
 * One configured component: the plugin extension it uses and its bound settings.
 *
 * @param kind     what it is
 * @param label    its name in results (the id unless the block sets {@code label})
 * @param path     where it is in the experiment file, for messages
 * @param entry    the installed extension
 * @param settings the bound settings record (defaults filled in)
 */
public record Component(Kind kind, String label, String path, PluginEntry entry, Record settings) {

    public String id() {
        return entry.id();
    }

    /** The block as resolved: {@code use}, {@code label} and every setting with its value. */
    public ObjectNode resolved() {
        ObjectNode n = Mappers.YAML.createObjectNode();
        n.put("use", id());
        if (!label.equals(id())) {
            n.put("label", label);
        }
        n.setAll((ObjectNode) Mappers.YAML.valueToTree(settings));
        return n;
    }
}
