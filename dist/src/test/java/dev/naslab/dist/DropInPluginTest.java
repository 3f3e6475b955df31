package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party selector compiled here against the plugin-api jar alone, packaged as a plugin
 * jar and dropped into a plugins folder, is listed and used by an experiment without rebuilding
 * the host. A corrupt jar and a plain library jar in the same folder cost one warning each.
 */
class DropInPluginTest {

    static final String SOURCE = """
            package org.example.sel;

            import dev.naslab.api.ArchitectureSelector;
            import dev.naslab.api.model.Architecture;
            import dev.naslab.api.model.CellType;
            import dev.naslab.api.select.SelectionContext;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;
            import org.pf4j.Extension;

            /** Picks the second candidate op on every edge: a deliberately naive selector. */
            @Extension
            public final class SecondOpSelector implements ArchitectureSelector<SecondOpSelector.Settings> {
                public record Settings(Integer index) {
                    public Settings { index = index == null ? 1 : index; }
                }
                public String id() { return "second-op"; }
                public Class<Settings> settingsClass() { return Settings.class; }
                public Architecture select(SelectionContext ctx, Settings s) {
                    Map<String, List<String>> cells = new LinkedHashMap<>();
                    for (CellType c : ctx.supernet().arch().cellTypes()) {
                        String op = c.ops().get(s.index());
                        cells.put(c.name(), c.edges().stream().map(e -> op).toList());
                    }
                    return new Architecture(cells);
                }
            }
            """;

    /** {@code dir} made and given a copy of the distribution's plugins. */
    static Path withShippedPlugins(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Cli.DIST.resolve("plugins"))) {
            for (Path p : s.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return dir;
    }

    static Path lib(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(Cli.DIST.resolve("lib"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    static Path buildPlugin(Path work) throws IOException {
        return buildPlugin(work, "second-op-selector", "0.3.0");
    }

    /** The selector as plugin {@code id}, built against (Plugin-Requires) {@code requires}. */
    static Path buildPlugin(Path work, String id, String requires) throws IOException {
        return buildPlugin(work, id, requires, SOURCE);
    }

    /** {@code source} (one public top-level class, e.g. a variant of {@link #SOURCE}) as plugin {@code id}. */
    static Path buildPlugin(Path work, String id, String requires, String source) throws IOException {
        work = Files.createDirectories(work.resolve(id + "-" + requires.replaceAll("[^0-9.]", "_")));
        java.util.regex.Matcher pkg = java.util.regex.Pattern.compile("package ([\\w.]+);").matcher(source);
        java.util.regex.Matcher cls = java.util.regex.Pattern.compile("public (?:final )?class (\\w+)").matcher(source);
        assertTrue(pkg.find() && cls.find(), "the source names its package and class");
        Path src = work.resolve("src/" + pkg.group(1).replace('.', '/') + "/" + cls.group(1) + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        String cp = String.join(java.io.File.pathSeparator, lib("plugin-api-").toString(), lib("api-0.").toString(),
                lib("pf4j-").toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "17", "-implicit:class",
                "-cp", cp, "-processorpath", lib("pf4j-").toString(), "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "the drop-in plugin compiles against plugin-api alone");
        assertTrue(Files.exists(classes.resolve("META-INF/extensions.idx")), "PF4J indexed the extension");
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Class", "dev.naslab.api.NaslabPlugin");
        a.putValue("Plugin-Requires", requires);
        Path jar = work.resolve(id + "-1.0.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void pluginsBuiltAgainstAnotherApiAreSkippedNamingBothVersions(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        for (String[] p : new String[][] {{"built-against-0-1", "0.1.0"}, {"built-against-0-2-2", "0.2.2"},
            {"built-against-0-3-9", "0.3.9"}, {"needs-a-range", ">=0.4.0 & <0.5.0"}}) {
            Files.copy(buildPlugin(work, p[0], p[1]), plugins.resolve(p[0] + ".jar"));
        }
        Cli.Result r = Cli.run("plugins", "--plugins", plugins.toString());
        assertEquals(0, r.code(), r.all());
        for (String p : List.of("built-against-0-1.jar: it was built against plugin API 0.1.0; this naslab provides 0.3.0",
                "built-against-0-2-2.jar: it was built against plugin API 0.2.2; this naslab provides 0.3.0",
                "built-against-0-3-9.jar: it was built against plugin API 0.3.9; this naslab provides 0.3.0",
                "needs-a-range.jar: it requires plugin API '>=0.4.0 & <0.5.0'; this naslab provides 0.3.0")) {
            assertTrue(r.err().contains(p), p + " in " + r.err());
        }
        assertFalse(r.out().contains("second-op"), "none of them loaded: " + r.out());
    }

    @Test
    void droppedInPluginIsListedAndUsed(@TempDir Path work) throws Exception {
        Path plugins = withShippedPlugins(work.resolve("plugins"));
        Files.copy(buildPlugin(work), plugins.resolve("second-op-selector-1.0.0.jar"));
        try (OutputStream o = Files.newOutputStream(plugins.resolve("corrupt.jar"))) {
            o.write("this is not a zip file".getBytes());
        }
        Files.copy(lib("picocli-"), plugins.resolve("not-a-plugin.jar"));

        Cli.Result list = Cli.run("plugins", "--plugins", plugins.toString());
        assertEquals(0, list.code(), list.all());
        assertTrue(list.out().contains("second-op") && list.out().contains("index=1"), list.out());
        assertTrue(list.err().contains("corrupt.jar: unreadable or corrupt jar"), list.err());
        assertTrue(list.err().contains("not-a-plugin.jar: not a naslab plugin"), list.err());
        assertFalse(list.all().contains("Exception"), list.all());

        Path yaml = work.resolve("dropin.yaml");
        Files.writeString(yaml, """
                name: dropin
                threads: 2
                dataset: {use: fashion-mnist, path: sample, train_limit: 256, test_limit: 64}
                space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}
                search: {use: darts, epochs: 1, batch_size: 64}
                selection: [second-op]
                output: %s
                """.formatted(work.resolve("runs")));
        Cli.Result run = Cli.run("run", yaml.toString(), "--plugins", plugins.toString());
        assertEquals(0, run.code(), run.all());
        List<String> csv = Files.readAllLines(work.resolve("runs/results.csv"));
        assertEquals(2, csv.size(), csv.toString());
        assertTrue(csv.get(1).contains(",second-op,-,|skip_connect~0|+|skip_connect~0|skip_connect~1|+"), csv.get(1));
        assertTrue(csv.get(1).contains(",ok,"), csv.get(1));
    }

    @Test
    void aPluginThatClaimsAShippedIdTakesNothingOverAndABrokenOneIsNamed(@TempDir Path work) throws Exception {
        Path plugins = withShippedPlugins(work.resolve("plugins"));
        Files.copy(buildPlugin(work, "shadow-selector", "0.3.0", SOURCE.replace("return \"second-op\";",
                "return \"magnitude\";")), plugins.resolve("shadow-selector-1.0.0.jar"));
        Files.copy(buildPlugin(work, "broken-selector", "0.3.0", SOURCE.replace("public String id() {",
                "public SecondOpSelector() { throw new IllegalStateException(\"no licence file\"); }\n"
                        + "    public String id() {")), plugins.resolve("broken-selector-1.0.0.jar"));
        Cli.Result list = Cli.run("plugins", "--plugins", plugins.toString());
        assertEquals(0, list.code(), list.all());
        assertTrue(list.err().contains("selector 'magnitude' is provided by 2 plugins (selector-magnitude in "), list.err());
        assertTrue(list.err().contains("shadow-selector in "), list.err());
        assertTrue(list.err().contains("so naslab uses none of them: remove all but one from the plugins folders"),
                list.err());
        assertTrue(list.err().contains("skipping selector org.example.sel.SecondOpSelector of plugin broken-selector")
                && list.err().contains("java.lang.IllegalStateException: no licence file"), list.err());

        Path yaml = work.resolve("clash.yaml");
        Files.writeString(yaml, ConfigErrorsTest.GOOD);
        Cli.Result v = Cli.run("validate", yaml.toString(), "--plugins", plugins.toString());
        assertEquals(2, v.code(), v.all());
        assertTrue(v.err().contains("selection[0]: selector 'magnitude' is provided by 2 plugins"), v.err());
        assertFalse(v.all().contains("\tat "), v.all());
    }
}
