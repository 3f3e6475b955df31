package dev.naslab.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.core.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    private static final List<String> WRITES = List.of("experiment.yaml", "plan.json", "results.csv", "report.md");

    @Test
    void aFolderOfTheUsersFilesIsRefusedAndKeptAsItWas(@TempDir Path tmp) throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("thesis"));
        for (int i = 0; i < 8; i++) {
            Files.writeString(mine.resolve("chapter" + i + ".tex"), "text " + i);
        }
        UserException e = assertThrows(UserException.class,
                () -> OutputFolder.claim(mine, "naslab run x.yaml", false, WRITES, "--force"));
        assertTrue(e.getMessage().contains("holds files naslab did not write (chapter0.tex, chapter1.tex, chapter2.tex, "
                + "chapter3.tex, chapter4.tex and 3 more)"), e.getMessage());
        assertTrue(e.getMessage().contains("add --force"), e.getMessage());
        try (var s = Files.list(mine)) {
            assertEquals(8, s.count(), "nothing added");
        }
        for (int i = 0; i < 8; i++) {
            assertEquals("text " + i, Files.readString(mine.resolve("chapter" + i + ".tex")));
        }
        OutputFolder.claim(mine, "naslab run x.yaml", true, WRITES, "--force");
        assertTrue(Files.isRegularFile(mine.resolve(OutputFolder.MARK)), "with --force the folder becomes naslab's");
        OutputFolder.claim(mine, "naslab run x.yaml", false, WRITES, "--force"); // and stays so
    }

    @Test
    void theExperimentFileIsNeverReplacedEvenWithForce(@TempDir Path tmp) throws Exception {
        // output: . next to an experiment file named experiment.yaml
        Files.writeString(tmp.resolve("experiment.yaml"), "name: mine\n");
        assertThrows(UserException.class, () -> OutputFolder.claim(tmp, "naslab run", false, WRITES, "--force"));
        UserException e = assertThrows(UserException.class,
                () -> OutputFolder.claim(tmp, "naslab run", true, WRITES, "--force"));
        assertTrue(e.getMessage().contains("already holds experiment.yaml, which naslab would replace"), e.getMessage());
        assertEquals("name: mine\n", Files.readString(tmp.resolve("experiment.yaml")));
    }

    @Test
    void newEmptyAndNaslabsOwnFoldersAreUsed(@TempDir Path tmp) throws Exception {
        OutputFolder.claim(tmp.resolve("new/run"), "naslab run", false, WRITES, "--force");
        assertTrue(Files.isRegularFile(tmp.resolve("new/run").resolve(OutputFolder.MARK)));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        OutputFolder.claim(empty, "naslab run", false, WRITES, "--force");
        Path old = Files.createDirectories(tmp.resolve("old-run"));
        Files.writeString(old.resolve("plan.json"), "[]");
        Files.writeString(old.resolve("experiment.yaml"), "name: x");
        Files.writeString(old.resolve("results.csv"), "a");
        OutputFolder.claim(old, "naslab run", false, WRITES, "--force"); // a run folder of an earlier naslab
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertTrue(assertThrows(UserException.class, () -> OutputFolder.claim(file, "naslab run", true, WRITES,
                "--force")).getMessage().contains("is a file, not a folder"));
    }

    @Test
    void aLockThatCannotBeTakenSaysWhy(@TempDir Path tmp) throws Exception {
        // file-system exceptions often carry only the path as their message
        assertEquals("permission denied", OutputLock.reason(new java.nio.file.AccessDeniedException("/x/.lock")));
        assertEquals("no such file or folder", OutputLock.reason(new java.nio.file.NoSuchFileException("/x/.lock")));
        assertEquals("Read-only file system", OutputLock.reason(new java.nio.file.FileSystemException("/x/.lock", null,
                "Read-only file system")));
        Path ro = Files.createDirectories(tmp.resolve("read-only"));
        ro.toFile().setWritable(false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro), "root ignores permissions");
            UserException e = assertThrows(UserException.class, () -> OutputLock.acquire(ro, "test"));
            assertTrue(e.getMessage().endsWith(": permission denied"), e.getMessage());
        } finally {
            ro.toFile().setWritable(true);
        }
    }
}
