package dev.naslab.core.plugin;

import dev.naslab.api.NasExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The installed extensions by kind and id, found through PF4J's extension index. Listing creates
 * the extension objects only: no engine, no supernet.
 */
public final class Registry {

    /** The version of the plugin API this host provides (checked against Plugin-Requires). */
    public static final String API_VERSION = dev.naslab.api.ApiVersion.VERSION;

    private final Map<Kind, Map<String, PluginEntry>> entries = new EnumMap<>(Kind.class);
    private final List<String> warnings;
    private final PluginManager manager;

    private Registry(PluginManager manager, List<String> warnings) {
        this.manager = manager;
        this.warnings = warnings;
        for (Kind k : Kind.values()) {
            entries.put(k, new LinkedHashMap<>());
        }
    }

    /**
     * Loads the plugins of {@code roots}: jars, or module folders in development mode.
     */
    public static Registry load(List<Path> roots, boolean development) {
        List<String> warnings = new ArrayList<>();
        for (Path r : roots) {
            if (!Files.isDirectory(r)) {
                warnings.add("plugins folder " + r + " does not exist");
            }
        }
        NaslabPluginManager pm = new NaslabPluginManager(roots, development, warnings);
        pm.setSystemVersion(API_VERSION);
        pm.loadPlugins();
        pm.startPlugins();
        Registry reg = new Registry(pm, warnings);
        for (PluginWrapper w : pm.getPlugins()) {
            if (w.getPluginState() != PluginState.STARTED) {
                String requires = w.getDescriptor().getRequires();
                boolean versionRejected = w.getPluginState() == PluginState.DISABLED && requires != null
                        && !pm.getVersionManager().checkVersionConstraint(API_VERSION, requires);
                String why = w.getFailedException() != null ? w.getFailedException().getMessage()
                        : versionRejected ? ApiVersionManager.mismatch(requires) : "state " + w.getPluginState();
                warnings.add("skipping plugin " + w.getPluginPath() + ": " + why);
                continue;
            }
            for (Kind k : Kind.values()) {
                try {
                    for (Object ext : pm.getExtensions(k.type(), w.getPluginId())) {
                        reg.add(k, (NasExtension<?>) ext, w.getPluginId(), w.getDescriptor().getVersion(), w.getPluginPath());
                    }
                } catch (RuntimeException | LinkageError e) {
                    warnings.add("skipping " + k.noun() + "s of plugin " + w.getPluginId() + ": " + e);
                }
            }
        }
        return reg;
    }

    private void add(Kind kind, NasExtension<?> ext, String pluginId, String version, java.nio.file.Path source) {
        PluginEntry prev = entries.get(kind).get(ext.id());
        if (prev != null) {
            warnings.add("ignoring " + kind.noun() + " '" + ext.id() + "' of plugin " + pluginId
                    + ": plugin " + prev.pluginId() + " already provides it");
            return;
        }
        entries.get(kind).put(ext.id(), new PluginEntry(kind, ext, pluginId, version, source));
    }

    /** The extension of {@code kind} called {@code id}. */
    public Optional<PluginEntry> find(Kind kind, String id) {
        return Optional.ofNullable(entries.get(kind).get(id));
    }

    /** Installed ids of a kind, sorted. */
    public List<String> ids(Kind kind) {
        List<String> ids = new ArrayList<>(entries.get(kind).keySet());
        Collections.sort(ids);
        return ids;
    }

    /** Every installed extension, kind by kind. */
    public List<PluginEntry> all() {
        List<PluginEntry> out = new ArrayList<>();
        entries.values().forEach(m -> m.values().stream()
                .sorted(java.util.Comparator.comparing(PluginEntry::id)).forEach(out::add));
        return out;
    }

    /** One line per plugin that could not be used. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Stops the plugins. */
    public void close() {
        manager.stopPlugins();
    }
}
