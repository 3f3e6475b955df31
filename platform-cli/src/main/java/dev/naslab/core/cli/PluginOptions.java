package dev.naslab.core.cli;

import dev.naslab.core.plugin.Registry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where plugins come from; shared by every command that loads them. */
final class PluginOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Plugins folder; repeat it to load several, e.g. the distribution's and your own "
                    + "(default: $NASLAB_PLUGINS, folders separated by '" + "${sys:path.separator}" + "', else the distribution's plugins/).")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "--dev", description = "Development mode: load plugin modules from their target/classes "
            + "folders under the plugins folder (default ./plugins of the source tree).")
    boolean development;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    void debug(boolean on) {
        Main.debug = on;
    }

    List<Path> roots() {
        if (!plugins.isEmpty()) {
            return List.copyOf(plugins);
        }
        String env = System.getenv("NASLAB_PLUGINS");
        if (env != null && !env.isBlank()) {
            List<Path> out = new ArrayList<>();
            for (String p : env.split(File.pathSeparator)) {
                out.add(Path.of(p));
            }
            return out;
        }
        String home = System.getProperty("naslab.home");
        if (!development && home != null && Files.isDirectory(Path.of(home, "plugins"))) {
            return List.of(Path.of(home, "plugins"));
        }
        return List.of(Path.of("plugins"));
    }

    Registry load() {
        Registry r = Registry.load(roots(), development);
        r.warnings().forEach(w -> System.err.println("naslab: warning: " + w));
        return r;
    }
}
