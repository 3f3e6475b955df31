package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every experiment file shipped in configs/ and its subfolders (configs/paper/) validates against the
 * bundled plugins. Files that read Debian's full Fashion-MNIST ({@code dataset-fashion-mnist},
 * installed by .ci/run) must, on a machine without it, fail with the message that names the missing
 * folder and nothing else. The paper presets read CIFAR from the data root; CI has no CIFAR, so they
 * are validated against a data root holding the CIFAR binary files' names (validation checks that
 * the files are there and readable, not their contents), and without it must name the missing data.
 */
class ShippedConfigsTest {

    @TempDir
    Path tmp;

    static List<Path> shipped() throws Exception {
        try (Stream<Path> s = Files.walk(Cli.DIST.resolve("configs"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyShippedConfigValidates() throws Exception {
        List<Path> files = shipped();
        assertTrue(files.size() >= 18, files.toString());
        Path dataRoot = cifarNames(tmp.resolve("data"));
        Path debian = Path.of("/usr/share/datasets/fashion-mnist");
        for (Path f : files) {
            Cli.Result r = Cli.run(Map.of("NASLAB_DATA", dataRoot.toString()), "validate", f.toString());
            boolean readsDebian = java.util.regex.Pattern.compile("path:\\s*" + debian).matcher(Files.readString(f)).find();
            if (readsDebian && !Files.isDirectory(debian)) {
                assertEquals(2, r.code(), f.getFileName() + ": " + r.all());
                assertTrue(r.err().contains("dataset: path '" + debian + "' is not a folder"), r.err());
                continue;
            }
            assertEquals(0, r.code(), f.getFileName() + ": " + r.all());
        }
    }

    @Test
    void paperPresetsWithoutCifarNameTheMissingDataOnly() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        for (Path f : shipped()) {
            if (!f.getParent().getFileName().toString().equals("paper")) {
                continue;
            }
            Cli.Result r = Cli.run(Map.of("NASLAB_DATA", empty.toString()), "validate", f.toString());
            assertEquals(2, r.code(), f.getFileName() + ": " + r.all());
            assertTrue(r.err().contains("dataset: path: not given and no cifar"), r.err());
            assertTrue(r.err().contains("looked in " + empty), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    /** A data root with the CIFAR-10 and CIFAR-100 binary files' names (empty files). */
    static Path cifarNames(Path root) throws Exception {
        Path c10 = Files.createDirectories(root.resolve("cifar10"));
        for (String f : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            Files.createFile(c10.resolve(f));
        }
        Path c100 = Files.createDirectories(root.resolve("cifar100"));
        Files.createFile(c100.resolve("train.bin"));
        Files.createFile(c100.resolve("test.bin"));
        return root;
    }
}
