package dev.naslab.core.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.pf4j.util.StringUtils;

/** Checks a jar in the plugins folder before PF4J sees it, so a bad jar costs one warning. */
final class PluginJarCheck {

    private PluginJarCheck() {
    }

    /** Why {@code jar} cannot be loaded, or empty; also reports its Plugin-Id via {@code id}. */
    static Optional<String> problem(Path jar, String[] id) {
        try (JarFile f = new JarFile(jar.toFile())) {
            Manifest m = f.getManifest();
            Attributes a = m == null ? null : m.getMainAttributes();
            String pluginId = a == null ? null : a.getValue("Plugin-Id");
            if (StringUtils.isNullOrEmpty(pluginId)) {
                return Optional.of("not a naslab plugin: its manifest has no Plugin-Id");
            }
            id[0] = pluginId;
            if (StringUtils.isNullOrEmpty(a.getValue("Plugin-Version"))) {
                return Optional.of("its manifest has no Plugin-Version");
            }
            if (StringUtils.isNullOrEmpty(a.getValue("Plugin-Class"))) {
                return Optional.of("its manifest has no Plugin-Class (use dev.naslab.api.NaslabPlugin)");
            }
            if (f.getEntry("META-INF/extensions.idx") == null) {
                return Optional.of("it declares no extensions (META-INF/extensions.idx is missing: "
                        + "was it compiled with PF4J's annotation processor?)");
            }
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("unreadable or corrupt jar (" + e.getMessage() + ")");
        }
    }
}
