package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every experiment file shipped in configs/ validates against the bundled plugins. */
class ShippedConfigsTest {

    @Test
    void everyShippedConfigValidates() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Cli.DIST.resolve("configs"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 5, files.toString());
        for (Path f : files) {
            Cli.Result r = Cli.run("validate", f.toString());
            assertEquals(0, r.code(), f.getFileName() + ": " + r.all());
        }
    }
}
