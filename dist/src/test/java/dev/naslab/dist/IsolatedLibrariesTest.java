package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two plugins built here, each bundling its own version of the same library in PF4J's zip layout
 * (plugin.properties, classes/, lib/), work side by side in one experiment, each with its version.
 */
class IsolatedLibrariesTest {

    static final String LIBRARY = """
            package org.example.shared;

            /** The op index a selector should pick; version %1$d says %2$d. */
            public final class Choice {
                private Choice() { }
                public static int op() { return %2$d; }
            }
            """;

    static final String SELECTOR = """
            package org.example.pick%1$d;

            import dev.naslab.api.ArchitectureSelector;
            import dev.naslab.api.model.Architecture;
            import dev.naslab.api.model.CellType;
            import dev.naslab.api.select.SelectionContext;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;
            import org.pf4j.Extension;

            /** Every edge gets the op the bundled library names. */
            @Extension
            public final class PickSelector implements ArchitectureSelector<PickSelector.Settings> {
                public record Settings() { }
                public String id() { return "pick-%1$d"; }
                public Class<Settings> settingsClass() { return Settings.class; }
                public Architecture select(SelectionContext ctx, Settings s) {
                    Map<String, List<String>> cells = new LinkedHashMap<>();
                    for (CellType c : ctx.supernet().arch().cellTypes()) {
                        cells.put(c.name(), c.edges().stream().map(e -> c.ops().get(org.example.shared.Choice.op())).toList());
                    }
                    return new Architecture(cells);
                }
            }
            """;

    private static Path compile(Path work, String name, String source, String file, String classpath, boolean index)
            throws IOException {
        Path src = work.resolve(name + "-src").resolve(file);
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(work.resolve(name + "-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = index
                ? javac.run(null, null, null, "--release", "17", "-cp", classpath, "-processorpath",
                        DropInPluginTest.lib("pf4j-").toString(), "-d", classes.toString(), src.toString())
                : javac.run(null, null, null, "--release", "17", "-d", classes.toString(), src.toString());
        assertEquals(0, rc, name + " compiles");
        return classes;
    }

    private static void zip(Path zip, Path dir, String prefix, ZipOutputStream out) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(prefix + dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    /** Library version {@code v} (op index {@code op}) and a plugin zip "pick-v" that bundles it. */
    private static Path plugin(Path work, int v, int op) throws IOException {
        Path libClasses = compile(work, "shared-" + v, LIBRARY.formatted(v, op), "org/example/shared/Choice.java", "",
                false);
        Path libJar = work.resolve("shared-" + v + ".jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(libJar))) {
            zip(libJar, libClasses, "", out);
        }
        String cp = String.join(java.io.File.pathSeparator, DropInPluginTest.lib("plugin-api-").toString(),
                DropInPluginTest.lib("api-0.").toString(), DropInPluginTest.lib("pf4j-").toString(), libJar.toString());
        Path classes = compile(work, "pick-" + v, SELECTOR.formatted(v), "org/example/pick" + v + "/PickSelector.java",
                cp, true);
        Path zip = work.resolve("pick-" + v + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("plugin.properties"));
            out.write(("plugin.id=pick-" + v + "\nplugin.class=dev.naslab.api.NaslabPlugin\nplugin.version=1.0.0\n"
                    + "plugin.requires=0.3.0\n").getBytes());
            out.closeEntry();
            zip(zip, classes, "classes/", out);
            out.putNextEntry(new ZipEntry("lib/shared.jar"));
            Files.copy(libJar, out);
            out.closeEntry();
        }
        return zip;
    }

    @Test
    void twoVersionsOfOneLibraryInOneExperiment(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        try (Stream<Path> s = Files.list(Cli.DIST.resolve("plugins"))) {
            for (Path p : s.toList()) {
                Files.copy(p, plugins.resolve(p.getFileName()));
            }
        }
        Files.copy(plugin(work, 1, 1), plugins.resolve("pick-1.zip"));
        Files.copy(plugin(work, 2, 3), plugins.resolve("pick-2.zip"));

        Path yaml = work.resolve("isolated.yaml");
        Files.writeString(yaml, """
                name: isolated
                threads: 2
                dataset: {use: fashion-mnist, path: sample, train_limit: 256, test_limit: 64}
                space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}
                search: {use: darts, epochs: 1, batch_size: 64}
                selection: [pick-1, pick-2]
                output: %s
                """.formatted(work.resolve("runs")));
        Cli.Result run = Cli.run("run", yaml.toString(), "--plugins", plugins.toString());
        assertEquals(0, run.code(), run.all());
        List<String> csv = Files.readAllLines(work.resolve("runs/results.csv"));
        assertEquals(3, csv.size(), csv.toString());
        String one = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";
        String two = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
        assertTrue(csv.get(1).contains(",pick-1,-," + one + ","), "pick-1 sees version 1 of the library: " + csv.get(1));
        assertTrue(csv.get(2).contains(",pick-2,-," + two + ","), "pick-2 sees version 2 of the library: " + csv.get(2));
    }
}
