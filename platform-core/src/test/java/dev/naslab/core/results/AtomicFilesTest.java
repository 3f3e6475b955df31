package dev.naslab.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void filesSetAsideInOneMillisecondKeepTheirOwnNames(@TempDir Path dir) throws Exception {
        java.util.Set<Path> aside = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) { // far more than fit in distinct milliseconds
            Path f = dir.resolve("result.json");
            Files.writeString(f, "copy " + i);
            Path a = AtomicFiles.setAside(f, "unreadable");
            assertTrue(a.getFileName().toString().startsWith("result.json.unreadable-"), a.toString());
            assertEquals("copy " + i, Files.readString(a));
            aside.add(a);
        }
        assertEquals(50, aside.size(), "none overwritten");
    }

    @Test
    void aFullDiskIsSaidPlainly() {
        Path full = Path.of("/dev/full"); // every write fails with ENOSPC (Linux)
        Assumptions.assumeTrue(Files.exists(full), "needs Linux's /dev/full");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> AtomicFiles.appendJsonLine(full, Map.of("epoch", 1)));
        assertEquals("cannot append to /dev/full: No space left on device", e.getMessage());
    }

    @Test
    void aFailedWriteKeepsThePreviousContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("result.json");
        AtomicFiles.writeString(file, "old");
        Files.createDirectory(dir.resolve("result.json.tmp")); // the temporary file cannot be written
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.writeString(file, "new"));
        assertTrue(e.getMessage().startsWith("cannot write " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(its previous content, if any, is kept)"), e.getMessage());
        assertEquals("old", Files.readString(file));
    }
}
