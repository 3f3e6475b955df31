package dev.naslab.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.core.cluster.Messages.FileBatch;
import dev.naslab.core.cluster.Messages.FileBlob;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.results.TrialStatus;
import dev.naslab.core.trial.TrialOutcomes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordinator's copy of a trial folder: pulled files, its own log lines, checkpoints, the worker's result. */
class PulledTrialFolderTest {

    private static final TrialSpec SPEC = new TrialSpec("nas-bench-201.darts.s0", 0, 0, 0, "name: x\n",
            List.of("/p"), false, null, Map.of(), null, "nas-bench-201", "darts");

    private static FileBlob blob(String path, String text, boolean append) {
        return new FileBlob(path, text.getBytes(StandardCharsets.UTF_8), append);
    }

    @Test
    void pulledFilesAreWrittenAndTheLogOffsetFollowsTheAppendedBytes(@TempDir Path dir) throws Exception {
        PulledTrialFolder f = new PulledTrialFolder(dir);
        assertNull(f.write(new FileBatch(List.of(blob("trial.log", "line 1\n", true),
                blob("search/checkpoint-0001/state.json", "{}", false))), "m"));
        assertNull(f.write(new FileBatch(List.of(blob("trial.log", "line 2\n", true))), "m"));
        assertEquals(14, f.logOffset());
        assertEquals("line 1\nline 2\n", Files.readString(dir.resolve("trial.log")));
        assertEquals(Optional.of("checkpoint-0001"), f.newestCheckpoint());
        f.log("naslab: attempt 2");
        assertTrue(Files.readString(dir.resolve("trial.log")).endsWith("line 2\nnaslab: attempt 2\n"));
    }

    @Test
    void aFileOutsideTheFolderOrWithoutBytesIsSaidNotWritten(@TempDir Path dir) throws Exception {
        PulledTrialFolder f = new PulledTrialFolder(dir.resolve("t"));
        String escape = f.write(new FileBatch(List.of(blob("../outside.txt", "x", false))), "m");
        assertTrue(escape.startsWith("member m sent a file that was not written: "), escape);
        assertTrue(Files.notExists(dir.resolve("outside.txt")));
        assertEquals("member m sent an empty file entry",
                f.write(new FileBatch(Arrays.asList((FileBlob) null)), "m"));
    }

    @Test
    void onlyACheckpointWithItsStateCounts(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("search/checkpoint-0001"));
        Files.writeString(dir.resolve("search/checkpoint-0001/state.json"), "{}");
        Files.createDirectories(dir.resolve("search/checkpoint-0002"));
        assertEquals(Optional.of("checkpoint-0001"), new PulledTrialFolder(dir).newestCheckpoint());
        assertEquals(Optional.empty(), new PulledTrialFolder(dir.resolve("none")).newestCheckpoint());
    }

    @Test
    void theWorkersPathsBecomeThisMachinesAndAFailureNamesTheMember(@TempDir Path dir) throws Exception {
        TrialResult failed = TrialOutcomes.failed(SPEC, "cannot read /scratch/w1/t/search/state.json");
        Files.writeString(dir.resolve("result.json"), Mappers.JSON.writeValueAsString(failed));
        TrialResult r = new PulledTrialFolder(dir).readResult("/scratch/w1/t", "10.0.0.2:5701", SPEC);
        assertEquals(TrialStatus.FAILED, r.status());
        assertEquals("on member 10.0.0.2:5701: cannot read " + dir.toAbsolutePath() + "/search/state.json", r.message());
        assertEquals(r, TrialOutcomes.read(dir.resolve("result.json")), "written back");
    }

    @Test
    void anUnreadableResultBecomesAFailedOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("result.json"), "{not json");
        TrialResult r = new PulledTrialFolder(dir).readResult(null, "m", SPEC);
        assertEquals(TrialStatus.FAILED, r.status());
        assertTrue(r.message().startsWith("member m left an unreadable " + dir.resolve("result.json")), r.message());
    }
}
