package dev.naslab.core.plugin;

import dev.naslab.api.NasExtension;

/**
 * One installed extension.
 *
 * @param kind      its kind
 * @param extension the (cached) instance
 * @param pluginId  the PF4J plugin that provides it
 * @param version   that plugin's version
 * @param source    the plugin's jar (or folder in development mode); null for extensions not loaded
 *                  from a plugin
 */
public record PluginEntry(Kind kind, NasExtension<?> extension, String pluginId, String version,
        java.nio.file.Path source) {

    public String id() {
        return extension.id();
    }
}
