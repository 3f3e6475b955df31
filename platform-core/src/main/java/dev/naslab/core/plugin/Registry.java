package dev.naslab.core.plugin;

import dev.naslab.api.ApiVersion;
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
    private final Map<String, List<PluginEntry>> clashes = new LinkedHashMap<>();
    private final Map<String, String> clashMessages = new LinkedHashMap<>();
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
                List<? extends Class<?>> classes;
                try {
                    classes = pm.getExtensionClasses(k.type(), w.getPluginId());
                } catch (RuntimeException | LinkageError e) {
                    warnings.add("skipping " + k.noun() + "s of plugin " + w.getPluginId() + ": " + e);
                    continue;
                }
                for (Class<?> c : classes) {
                    // PF4J's getExtensions would log a failing constructor and leave the extension out unsaid
                    try {
                        Object ext = pm.getExtensionFactory().create(c);
                        reg.add(k, (NasExtension<?>) ext, w.getPluginId(), w.getDescriptor().getVersion(),
                                w.getPluginPath());
                    } catch (RuntimeException | LinkageError e) {
                        Throwable root = e;
                        while (root.getCause() != null && root.getCause() != root) {
                            root = root.getCause();
                        }
                        warnings.add("skipping " + k.noun() + " " + c.getName() + " of plugin " + w.getPluginId()
                                + " (" + w.getPluginPath() + "): it could not be created: " + root);
                    }
                }
            }
        }
        reg.dropClashes();
        return reg;
    }

    /**
     * A registry of extensions given directly instead of loaded from plugin jars: for tests of the
     * host and for programs that embed naslab's runtime. Each extension is entered under every
     * kind it implements; two with the same kind and id clash as plugins would.
     */
    public static Registry of(List<? extends NasExtension<?>> extensions) {
        Registry reg = new Registry(null, new ArrayList<>());
        for (NasExtension<?> e : extensions) {
            for (Kind k : Kind.values()) {
                if (k.type().isInstance(e)) {
                    reg.add(k, e, "in-process", ApiVersion.VERSION, null);
                }
            }
        }
        reg.dropClashes();
        return reg;
    }

    private void add(Kind kind, NasExtension<?> ext, String pluginId, String version, java.nio.file.Path source) {
        PluginEntry entry = new PluginEntry(kind, ext, pluginId, version, source);
        PluginEntry prev = entries.get(kind).putIfAbsent(ext.id(), entry);
        if (prev != null) {
            clashes.computeIfAbsent(kind.noun() + "/" + ext.id(), x -> new ArrayList<>(List.of(prev))).add(entry);
        }
    }

    /**
     * An id that two plugins provide is used from neither: which one would win depends on the order
     * the plugins load in, so a plugin dropped into the folder could silently take over a shipped
     * one. The warning and any experiment that uses the id say which plugins clash.
     */
    private void dropClashes() {
        clashes.forEach((key, clashing) -> {
            clashing.sort(java.util.Comparator.comparing(PluginEntry::pluginId)); // the message does not depend on load order
            PluginEntry first = clashing.get(0);
            entries.get(first.kind()).remove(first.id());
            String message = first.kind().noun() + " '" + first.id() + "' is provided by " + clashing.size()
                    + " plugins (" + String.join(", ", clashing.stream().map(e -> e.pluginId() + " in " + e.source())
                    .toList()) + "), so naslab uses none of them: remove all but one from the plugins folders";
            clashMessages.put(key, message);
            warnings.add(message);
        });
    }

    /** Why {@code id} of {@code kind} is not usable although installed (two plugins provide it), if so. */
    public Optional<String> clash(Kind kind, String id) {
        return Optional.ofNullable(clashMessages.get(kind.noun() + "/" + id));
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
        if (manager != null) {
            manager.stopPlugins();
        }
    }
}
