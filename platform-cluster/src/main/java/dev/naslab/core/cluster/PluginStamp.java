package dev.naslab.core.cluster;

/**
 * What identifies a plugin build across machines.
 *
 * @param version the plugin's version
 * @param sha256  its jar's SHA-256, or empty for a development-mode module folder (not compared)
 */
public record PluginStamp(String version, String sha256) {
}
