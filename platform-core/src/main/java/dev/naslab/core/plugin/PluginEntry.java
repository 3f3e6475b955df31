package dev.naslab.core.plugin;

import dev.naslab.api.NasExtension;

/**
 * One installed extension.
 *
 * @param kind      its kind
 * @param extension the (cached) instance
 * @param pluginId  the PF4J plugin that provides it
 * @param version   that plugin's version
 */
public record PluginEntry(Kind kind, NasExtension<?> extension, String pluginId, String version) {

    public String id() {
        return extension.id();
    }
}
