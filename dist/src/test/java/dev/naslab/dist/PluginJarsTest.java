package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled plugin jars: flat, without shared classes, with descriptors that agree. */
class PluginJarsTest {

    static final List<String> SHARED = List.of("ai/djl/", "com/fasterxml/", "org/slf4j/", "org/pf4j/", "dev/naslab/api/",
            "com/sun/jna/", "com/google/gson/", "org/yaml/");

    static List<Path> jars() throws IOException {
        try (Stream<Path> s = Files.list(Cli.DIST.resolve("plugins"))) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** The plugin modules of the source tree: folders under {@code plugins/} with a descriptor. */
    static List<String> pluginModules() throws IOException {
        try (Stream<Path> s = Files.list(Cli.ROOT.resolve("plugins"))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("plugin.properties")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void noPluginJarCarriesSharedClasses() throws IOException {
        List<Path> jars = jars();
        assertEquals(pluginModules(), jars.stream().map(j -> j.getFileName().toString().replace("-0.1.0.jar", ""))
                .toList(), "one jar per plugin module of the source tree");
        for (Path jar : jars) {
            try (JarFile f = new JarFile(jar.toFile())) {
                List<String> bad = f.stream().map(e -> e.getName())
                        .filter(n -> SHARED.stream().anyMatch(n::startsWith)).toList();
                assertTrue(bad.isEmpty(), jar.getFileName() + " bundles shared classes: " + bad);
                assertTrue(f.getEntry("META-INF/extensions.idx") != null, jar + " has no extension index");
            }
        }
    }

    @Test
    void developmentModeLoadsThePluginModulesOfTheSourceTree() throws Exception {
        Cli.Result r = Cli.run("plugins", "--dev", "--plugins", Cli.ROOT.resolve("plugins").toString());
        assertEquals(0, r.code(), r.all());
        for (String id : List.of("fashion-mnist", "cifar10", "nas-bench-201", "darts", "magnitude", "perturbation", "train")) {
            assertTrue(r.out().contains(" " + id + " "), id + " in " + r.out());
        }
    }

    @Test
    void manifestsAgreeWithDevelopmentDescriptors() throws IOException {
        for (Path jar : jars()) {
            String module = jar.getFileName().toString().replace("-0.1.0.jar", "");
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(Cli.ROOT.resolve("plugins").resolve(module)
                    .resolve("plugin.properties"))) {
                p.load(in);
            }
            try (JarFile f = new JarFile(jar.toFile())) {
                var a = f.getManifest().getMainAttributes();
                assertEquals(p.getProperty("plugin.id"), a.getValue("Plugin-Id"), module);
                assertEquals(p.getProperty("plugin.class"), a.getValue("Plugin-Class"), module);
                assertEquals(p.getProperty("plugin.version"), a.getValue("Plugin-Version"), module);
                assertEquals(p.getProperty("plugin.requires"), a.getValue("Plugin-Requires"), module);
                assertFalse(a.getValue("Plugin-Id").isBlank());
            }
        }
    }
}
