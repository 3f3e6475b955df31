package dev.naslab.core.slurm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe job's answers: a node that does not see the folder, or runs an old Java, stops the run before it submits. */
class SlurmProbeTest {

    @TempDir
    Path out;
    private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private final SlurmSettings settings = new SlurmSettings(null, null, null, "1G", null, 1, List.of(), 1, 0);

    /** A probe job that "runs" by answering with {@code javaLine}, as the script would on a node that sees {@code out}. */
    private FakeSlurm answering(String javaLine) {
        return answering(javaLine, here());
    }

    private static String here() {
        try {
            return Path.of("").toAbsolutePath().toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FakeSlurm answering(String javaLine, String cwd) {
        return new FakeSlurm((dir, n) -> new FakeSlurm.Script(List.of("RUNNING", "COMPLETED"), () -> {
            try {
                String script = Files.readString(dir.resolve("slurm-probe.sh"));
                String nonce = script.replaceAll("(?s).*echo \"nonce ([0-9a-f-]+)\".*", "$1");
                Files.writeString(dir.resolve("slurm-probe.txt"), "nonce " + nonce + "\nnode n1\ncwd " + cwd
                        + "\njava /usr/bin/java\njava-version " + javaLine + "\nlauncher ok\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    @Test
    void aNodeThatSeesTheFolderAndRunsJava17Passes() throws Exception {
        SlurmProbe.check(answering("openjdk version \"17.0.15\" 2025-04-15"), out, settings, "/bin/sh", log, 1, 0);
        assertTrue(Files.readString(out.resolve("slurm-probe.sh")).contains("#SBATCH --time=5"));
    }

    @Test
    void aFolderTheNodesDoNotSeeIsNamed() {
        FakeSlurm elsewhere = new FakeSlurm((dir, n) -> new FakeSlurm.Script(List.of("RUNNING", "COMPLETED"), () -> { }));
        SlurmException e = assertThrows(SlurmException.class,
                () -> SlurmProbe.check(elsewhere, out, settings, "/bin/sh", log, 1, 0));
        assertTrue(e.getMessage().startsWith("probe job 1 on n1 ended COMPLETED, and " + out.resolve("slurm-probe.txt")
                + " did not appear here: the nodes do not see " + out), e.getMessage());
        assertTrue(e.getMessage().contains("naslab needs an output folder on a file system the nodes share"));
    }

    @Test
    void aWorkingFolderTheNodesDoNotSeeIsNamed() {
        SlurmException e = assertThrows(SlurmException.class, () -> SlurmProbe.check(
                answering("openjdk version \"17.0.15\" 2025-04-15", "/tmp"), out, settings, "/bin/sh", log, 1, 0));
        assertTrue(e.getMessage().contains(": the job ran in /tmp, not in " + Path.of("").toAbsolutePath()
                + ", the folder naslab runs in"), e.getMessage());
    }

    @Test
    void anOldJavaOnTheNodesIsNamed() {
        SlurmException e = assertThrows(SlurmException.class, () -> SlurmProbe.check(
                answering("openjdk version \"11.0.2\" 2019-01-15"), out, settings, "/bin/sh", log, 1, 0));
        assertTrue(e.getMessage().contains("the node has no Java 17 on its PATH (java: /usr/bin/java, openjdk version "
                + "\"11.0.2\" 2019-01-15)"), e.getMessage());
    }
}
