package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every experiment file shipped in configs/ validates against the bundled plugins. Files that read
 * Debian's full Fashion-MNIST ({@code dataset-fashion-mnist}, installed by .ci/run) must, on a machine
 * without it, fail with the message that names the missing folder and nothing else.
 */
class ShippedConfigsTest {

    @Test
    void everyShippedConfigValidates() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Cli.DIST.resolve("configs"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 5, files.toString());
        Path debian = Path.of("/usr/share/datasets/fashion-mnist");
        for (Path f : files) {
            Cli.Result r = Cli.run("validate", f.toString());
            boolean readsDebian = java.util.regex.Pattern.compile("path:\\s*" + debian).matcher(Files.readString(f)).find();
            if (readsDebian && !Files.isDirectory(debian)) {
                assertEquals(2, r.code(), f.getFileName() + ": " + r.all());
                assertTrue(r.err().contains("dataset: path '" + debian + "' is not a folder"), r.err());
                continue;
            }
            assertEquals(0, r.code(), f.getFileName() + ": " + r.all());
        }
    }
}
