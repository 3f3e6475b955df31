package dev.naslab.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.NasExtension;
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

    /**
     * The extension, typed for calls with {@link #settings()}: {@code SearchSpace<Record> s =
     * c.extension(SearchSpace.class); s.supernet(c.settings(), ...)}. The one unchecked step is
     * sound because the settings were bound to this extension's own settings class.
     *
     * @throws IllegalStateException if the extension is not a {@code type}
     */
    @SuppressWarnings("unchecked")
    public <E extends NasExtension<Record>> E extension(Class<? super E> type) {
        if (!type.isInstance(entry.extension())) {
            throw new IllegalStateException(path + ": " + id() + " is a " + kind.noun() + ", not a " + type.getSimpleName());
        }
        return (E) entry.extension();
    }

    /**
     * {@return these settings with {@code key} set to {@code value}, bound again (DARTS-ADA's raised weight decay)}
     *
     * @param key   a key of the settings record
     * @param value its new value
     * @throws IllegalStateException if the record has no such key or refuses the value
     */
    public Record withSetting(String key, double value) {
        ObjectNode n = (ObjectNode) Mappers.YAML.valueToTree(settings);
        if (!n.has(key)) {
            throw new IllegalStateException(path + ": " + id() + "'s settings have no " + key);
        }
        n.put(key, value);
        java.util.List<Problem> problems = new java.util.ArrayList<>();
        return SettingsBinder.bind(n, settings.getClass(), path, problems).orElseThrow(() ->
                new IllegalStateException(path + ": " + key + " " + value + " refused: " + problems));
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
