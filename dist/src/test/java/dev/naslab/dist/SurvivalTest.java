package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users do to long runs, done to real processes: a second run on a folder in use is refused;
 * kill -9 of the coordinator takes its trial JVM down within seconds and a re-run resumes; a
 * truncated newest checkpoint is set aside and the search resumes from the one before, ending with
 * the same results.
 */
class SurvivalTest {

    private static String[] run(Path out) {
        List<String> a = new ArrayList<>(List.of(ExperimentRunTest.reduced(out, "pytorch")));
        a.addAll(List.of("--set", "search.epochs=6", "--set", "search.checkpoint_every=1"));
        return a.toArray(String[]::new);
    }

    @Test
    void lockedFolderKilledCoordinatorAndDamagedCheckpoint(@TempDir Path work) throws Exception {
        Path out = work.resolve("runs");
        Path trial = out.resolve("nas-bench-201.darts.s0");
        Process first = Cli.start(work.resolve("first.out"), run(out));
        try {
            waitFor(() -> Files.isDirectory(trial.resolve("search/checkpoint-0001")), 120, "a first checkpoint");
            ProcessHandle trialJvm = first.toHandle().descendants()
                    .filter(h -> h.info().commandLine().orElse("").contains("dev.naslab.core.trial.TrialMain"))
                    .findFirst().orElseThrow(() -> new AssertionError("no trial JVM under the coordinator"));

            Cli.Result second = Cli.run(run(out));
            assertEquals(2, second.code(), second.all());
            assertTrue(second.err().contains(out + " is in use by another naslab run (pid " + first.pid()), second.err());

            first.toHandle().destroyForcibly(); // kill -9 of the coordinator only
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            for (int i = 0; i < 100 && trialJvm.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertFalse(trialJvm.isAlive(), "the trial JVM stops within 10 s of its coordinator's death");
            assertTrue(Files.readString(trial.resolve("trial.log")).contains("the coordinator is gone"));
        } finally {
            first.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
        }

        Cli.Result resumed = Cli.run(run(out)); // the dead run's lock went with it
        assertEquals(0, resumed.code(), resumed.all());
        List<String> results = Files.readAllLines(out.resolve("results.csv"));

        // the newest checkpoint truncated on disk: set aside, epoch 6 run again from checkpoint-0005
        Path newest = trial.resolve("search/checkpoint-0006/tensors.bin");
        try (RandomAccessFile f = new RandomAccessFile(newest.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        for (String gone : List.of("select-magnitude", "select-perturbation", "result.json")) {
            ExperimentRunTest.deleteTree(trial.resolve(gone));
        }
        Cli.Result again = Cli.run(run(out));
        assertEquals(0, again.code(), again.all());
        String log = Files.readString(trial.resolve("trial.log"));
        assertTrue(log.contains("checkpoint-0006 is damaged: tensors.bin has "), log);
        assertTrue(log.contains("resuming from checkpoint-0005"), log);
        assertTrue(Files.isDirectory(trial.resolve("search/checkpoint-0006.damaged")));
        assertTrue(Files.isDirectory(trial.resolve("search/checkpoint-0006")), "epoch 6 was checkpointed again");
        assertEquals(without(results, 11, 12, 13), without(Files.readAllLines(out.resolve("results.csv")), 11, 12, 13),
                "the same architectures and accuracies as before the damage");
    }

    @Test
    void interruptStopsTheRunAndItsTrialsAndARerunResumes(@TempDir Path work) throws Exception {
        Path out = work.resolve("runs");
        Path trial = out.resolve("nas-bench-201.darts.s0");
        Process first = Cli.start(work.resolve("first.out"), run(out));
        try {
            waitFor(() -> Files.isDirectory(trial.resolve("search/checkpoint-0001")), 120, "a first checkpoint");
            ProcessHandle trialJvm = first.toHandle().descendants()
                    .filter(h -> h.info().commandLine().orElse("").contains("dev.naslab.core.trial.TrialMain"))
                    .findFirst().orElseThrow();
            // what Ctrl-C sends, to the coordinator alone (a terminal would signal the trial JVMs too)
            assertEquals(0, new ProcessBuilder("kill", Cli.ctrlCSignal(), Long.toString(first.pid())).start().waitFor());
            assertTrue(first.waitFor(20, TimeUnit.SECONDS), "the coordinator stops");
            for (int i = 0; i < 100 && trialJvm.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertFalse(trialJvm.isAlive(), "its trial JVM stops with it");
        } finally {
            first.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
        }
        Cli.Result resumed = Cli.run(run(out));
        assertEquals(0, resumed.code(), resumed.all());
        assertTrue(Files.readAllLines(out.resolve("results.csv")).size() == 3);
    }

    /** The rows without the timing columns (they differ between runs). */
    static List<String> without(List<String> rows, int... columns) {
        List<String> out = new ArrayList<>();
        for (String r : rows) {
            String[] f = r.split(",", -1);
            for (int c : columns) {
                f[c] = "";
            }
            out.add(String.join(",", f));
        }
        return out;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void waitFor(Condition c, int seconds, String what) throws Exception {
        for (int i = 0; i < seconds * 10; i++) {
            if (c.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
