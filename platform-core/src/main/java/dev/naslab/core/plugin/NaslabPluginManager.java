package dev.naslab.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pf4j.BasePluginRepository;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DevelopmentPluginLoader;
import org.pf4j.DevelopmentPluginRepository;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.RuntimeMode;

/**
 * PF4J's manager set up for naslab: plugin jars (deployment) or module folders with
 * {@code target/classes} (development), shared libraries loaded from the host, and bad jars
 * skipped with one warning each instead of a stack trace.
 */
final class NaslabPluginManager extends DefaultPluginManager {

    private final RuntimeMode mode;
    private final List<String> warnings;

    NaslabPluginManager(List<Path> roots, boolean development, List<String> warnings) {
        super(roots(roots, development));
        this.mode = development ? RuntimeMode.DEVELOPMENT : RuntimeMode.DEPLOYMENT;
        this.warnings = warnings;
    }

    /** PF4J reads its mode once, in the super constructor, from {@code pf4j.mode}: set it first. */
    private static List<Path> roots(List<Path> roots, boolean development) {
        System.setProperty("pf4j.mode", development ? "development" : "deployment");
        return roots;
    }

    @Override
    protected org.pf4j.VersionManager createVersionManager() {
        setExactVersionAllowed(true); // Plugin-Requires: 0.2.0 means "built against", judged by ApiVersionManager
        return new ApiVersionManager();
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        // called from the super constructor too, before 'mode' is set
        return mode == null ? super.getRuntimeMode() : mode;
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new CompoundPluginRepository()
                .add(new DevelopmentPluginRepository(getPluginsRoots()), this::isDevelopment)
                .add(new CheckedJarRepository(getPluginsRoots()), this::isNotDevelopment);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader()
                .add(new DevelopmentPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor d) {
                        return new SharedFirstClassLoader(pluginManager, d, getClass().getClassLoader());
                    }
                }, this::isDevelopment)
                .add(new DefaultPluginLoader(this) {
                    // a plugin folder (or an expanded zip): classes/ and its own libraries in lib/
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor d) {
                        return new SharedFirstClassLoader(pluginManager, d, getClass().getClassLoader());
                    }
                }, this::isNotDevelopment)
                .add(new JarPluginLoader(this) {
                    @Override
                    public ClassLoader loadPlugin(Path path, PluginDescriptor d) {
                        PluginClassLoader loader = new SharedFirstClassLoader(pluginManager, d,
                                getClass().getClassLoader());
                        loader.addFile(path.toFile());
                        return loader;
                    }
                }, this::isNotDevelopment);
    }

    /**
     * The plugins of the plugins folders: jars that pass {@link PluginJarCheck}, and plugins with
     * libraries of their own in PF4J's layout ({@code plugin.properties}, {@code classes/},
     * {@code lib/*.jar}) as a folder or a {@code .zip} (expanded next to it); one warning per reject.
     */
    private final class CheckedJarRepository extends BasePluginRepository {

        CheckedJarRepository(List<Path> roots) {
            super(roots);
        }

        @Override
        public List<Path> getPluginPaths() {
            List<Path> ok = new ArrayList<>();
            Map<String, Path> seen = new HashMap<>();
            for (Path root : pluginsRoots) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                List<Path> jars;
                try (Stream<Path> s = Files.list(root)) {
                    jars = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList());
                } catch (IOException e) {
                    warnings.add("cannot list plugins folder " + root + ": " + e.getMessage());
                    continue;
                }
                jars.addAll(folderPlugins(root));
                for (Path jar : jars) {
                    String[] id = new String[1];
                    var problem = Files.isDirectory(jar) ? folderProblem(jar, id) : PluginJarCheck.problem(jar, id);
                    if (problem.isPresent()) {
                        warnings.add("skipping plugin " + jar + ": " + problem.get());
                    } else if (seen.containsKey(id[0])) {
                        warnings.add("skipping plugin " + jar + ": plugin id '" + id[0] + "' is already loaded from "
                                + seen.get(id[0]));
                    } else {
                        seen.put(id[0], jar);
                        ok.add(jar);
                    }
                }
            }
            return ok;
        }

        /** Zips expanded to folders, and folders with a plugin.properties. */
        private List<Path> folderPlugins(Path root) {
            List<Path> out = new ArrayList<>();
            try (Stream<Path> s = Files.list(root)) {
                for (Path p : s.sorted().toList()) {
                    if (p.getFileName().toString().endsWith(".zip")) {
                        try {
                            org.pf4j.util.FileUtils.expandIfZip(p);
                        } catch (IOException e) {
                            warnings.add("skipping plugin " + p + ": cannot expand it (" + e.getMessage() + ")");
                        }
                    }
                }
            } catch (IOException e) {
                return out;
            }
            try (Stream<Path> s = Files.list(root)) {
                s.filter(Files::isDirectory).filter(d -> Files.isRegularFile(d.resolve("plugin.properties"))).sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                warnings.add("cannot list plugins folder " + root + ": " + e.getMessage());
            }
            return out;
        }

        /** What is wrong with a plugin folder, if anything; its id goes to {@code id[0]}. */
        private java.util.Optional<String> folderProblem(Path dir, String[] id) {
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newInputStream(dir.resolve("plugin.properties"))) {
                p.load(in);
            } catch (IOException e) {
                return java.util.Optional.of("unreadable plugin.properties (" + e.getMessage() + ")");
            }
            id[0] = p.getProperty("plugin.id");
            if (id[0] == null || id[0].isBlank()) {
                return java.util.Optional.of("plugin.properties has no plugin.id");
            }
            if (!Files.isDirectory(dir.resolve("classes")) && !Files.isDirectory(dir.resolve("lib"))) {
                return java.util.Optional.of("no classes/ or lib/ folder (PF4J's plugin layout)");
            }
            return java.util.Optional.empty();
        }

        @Override
        public boolean deletePluginPath(Path pluginPath) {
            return false;
        }
    }
}
