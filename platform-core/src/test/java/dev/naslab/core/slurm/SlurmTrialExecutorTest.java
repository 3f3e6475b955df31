package dev.naslab.core.slurm;

import dev.naslab.core.results.TrialStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.progress.ProgressDisplay;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.ResultRow;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.trial.StatusBoard;
import dev.naslab.core.trial.TrialOutcomes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmTrialExecutorTest {

    @TempDir
    Path out;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private static TrialSpec trial(String id) {
        return new TrialSpec(id, 0, 0, 0, "name: x", List.of(), false, "", Map.of(), null, "s", "o");
    }

    private static TrialResult ok(String id) {
        return new TrialResult(id, "", Map.of(), 0, "s", "o", TrialStatus.OK, null, 1, 50,
                List.of(new ResultRow("magnitude", "train", "|a|", 40, 41, 10, 0, 1, TrialStatus.OK, null)));
    }

    private static Runnable writes(Path dir, TrialResult r) {
        return () -> AtomicFiles.writeJson(dir.resolve(TrialOutcomes.RESULT), r);
    }

    private SlurmTrialExecutor executor(FakeSlurm slurm) {
        return executor(slurm, 0);
    }

    private SlurmTrialExecutor executor(FakeSlurm slurm, int maxJobs) {
        SlurmSettings s = new SlurmSettings(null, null, null, "1G", null, 1, List.of(), 1, maxJobs);
        ProgressDisplay quiet = new ProgressDisplay() {
            @Override
            public void update(String trial, String phase, long total, long done, String note) {
            }

            @Override
            public void finish(String trial) {
            }
        };
        return new SlurmTrialExecutor(slurm, out, "x", s, t -> "00:15:00", quiet,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).quick(1, 0);
    }

    @Test
    void lostJobsRunAgainFromTheirCheckpointAndFailuresOfTheTrialDoNot() throws Exception {
        FakeSlurm slurm = new FakeSlurm((dir, n) -> switch (dir.getFileName().toString()) {
            case "preempted" -> n == 1
                    ? new FakeSlurm.Script(List.of("PENDING", "RUNNING", "PREEMPTED"), () -> mkdirs(dir.resolve(
                            "search/checkpoint-0003")))
                    : new FakeSlurm.Script(List.of("RUNNING", "COMPLETED"), writes(dir, ok("preempted")));
            case "fails" -> new FakeSlurm.Script(List.of("RUNNING", "FAILED"), writes(dir, TrialOutcomes.failed(
                    trial("fails"), "cannot read the data")));
            case "node-fails" -> new FakeSlurm.Script(List.of("RUNNING", "NODE_FAIL"), () -> { });
            default -> new FakeSlurm.Script(List.of("RUNNING", "COMPLETED"), () -> { }); // exits 0, no result
        });
        List<TrialSpec> trials = List.of(trial("preempted"), trial("fails"), trial("node-fails"), trial("no-result"));
        List<TrialResult> r = executor(slurm).run(trials);

        assertEquals(List.of("ok", "failed", "failed", "failed"), r.stream().map(t -> t.status().text()).toList());
        assertEquals(2, slurm.submissions(out.resolve("preempted")));
        assertEquals(1, slurm.submissions(out.resolve("fails")), "a trial whose code fails is not resubmitted");
        assertEquals("cannot read the data", r.get(1).message());
        assertEquals(SlurmTrialExecutor.MAX_ATTEMPTS, slurm.submissions(out.resolve("node-fails")));
        assertTrue(r.get(2).message().startsWith("Slurm ended job "), r.get(2).message());
        assertTrue(r.get(2).message().contains(" NODE_FAIL on n1, its 5th job; see "), r.get(2).message());
        assertEquals(1, slurm.submissions(out.resolve("no-result")));
        assertTrue(r.get(3).message().matches("Slurm job \\d+ ended COMPLETED on n1 without a result; see .*trial.log"),
                r.get(3).message());

        String log = Files.readString(out.resolve("preempted/trial.log"));
        assertTrue(log.matches("naslab: Slurm ended job 1 PREEMPTED on n1; attempt 2 resumes from checkpoint-0003 \\(.*\\)\n"),
                log);
        JobRecord record = JobRecord.read(out.resolve("preempted"));
        assertNull(record.open(), "collected");
        assertEquals(List.of("PREEMPTED", "COMPLETED"), record.jobs().stream().map(JobRecord.Job::state).toList());
        StatusBoard.Entry e = StatusBoard.read(out).orElseThrow().trials().get(0);
        assertEquals(dev.naslab.core.trial.BoardState.DONE, e.state());
        assertEquals(2, e.attempts());
        assertEquals(record.jobs().get(1).id(), e.job());
        assertEquals("COMPLETED", e.jobState());
        assertTrue(Files.readString(out.resolve("preempted/slurm-job.sh")).contains("#SBATCH --time=00:15:00\n"));
    }

    @Test
    void anOpenJobOfAnEarlierRunIsAdoptedNotSubmittedAgain() throws Exception {
        Path dir = out.resolve("t");
        Files.createDirectories(dir);
        new JobRecord(null, 0, List.of()).submitted("41", "2026-01-01T00:00:00Z").write(dir);
        FakeSlurm slurm = new FakeSlurm((d, n) -> {
            throw new AssertionError("submitted again");
        });
        slurm.known("41", new FakeSlurm.Script(List.of("RUNNING", "COMPLETED"), writes(dir, ok("t"))));
        List<TrialResult> r = executor(slurm).run(List.of(trial("t")));
        assertEquals("ok", r.get(0).status().text());
        assertTrue(printed.toString().contains("[t] job 41 from an earlier run: watching it, not submitting again"));
        assertNull(JobRecord.read(dir).open());
    }

    @Test
    void aDetachedRunLeavesItsJobsAndTheNextRunCollectsThem() throws Exception {
        FakeSlurm slurm = new FakeSlurm((dir, n) -> new FakeSlurm.Script(List.of("PENDING", "RUNNING", "COMPLETED"),
                writes(dir, ok(dir.getFileName().toString()))));
        assertEquals(2, executor(slurm).detach(List.of(trial("a"), trial("b"))));
        StatusBoard.Snapshot s = StatusBoard.read(out).orElseThrow();
        assertEquals("slurm (detached)", s.coordinator().executor());
        assertNull(s.coordinator().finished());
        assertEquals(List.of("queued", "queued"), s.trials().stream().map(e -> e.state().toString()).toList());
        assertEquals("1", JobRecord.read(out.resolve("a")).open());

        List<TrialResult> r = executor(slurm).run(List.of(trial("a"), trial("b")));
        assertEquals(List.of("ok", "ok"), r.stream().map(t -> t.status().text()).toList());
        assertEquals(1, slurm.submissions(out.resolve("a")));
        assertEquals(1, slurm.submissions(out.resolve("b")));
        assertEquals("job 1 adopted from an earlier run", StatusBoard.read(out).orElseThrow().trials().get(0).note());
    }

    @Test
    void atMostMaxJobsAreInSlurmAtOnce() throws Exception {
        int[] inSlurm = {0, 0}; // now, most
        FakeSlurm slurm = new FakeSlurm((dir, n) -> {
            inSlurm[1] = Math.max(inSlurm[1], ++inSlurm[0]);
            return new FakeSlurm.Script(List.of("PENDING", "RUNNING", "COMPLETED"), () -> {
                inSlurm[0]--;
                writes(dir, ok(dir.getFileName().toString())).run();
            });
        });
        List<TrialResult> r = executor(slurm, 2).run(List.of(trial("a"), trial("b"), trial("c"), trial("d"), trial("e")));
        assertEquals(List.of("ok", "ok", "ok", "ok", "ok"), r.stream().map(t -> t.status().text()).toList());
        assertEquals(2, inSlurm[1], "never more than --max-jobs at once");
        assertTrue(printed.toString().contains("naslab: slurm: 3 trial(s) wait until fewer than 2 of this experiment's "
                + "jobs are in Slurm (--max-jobs)"), printed.toString());
    }

    @Test
    void aRecordThatIsNotOneIsSetAsideWithAWarning() throws Exception {
        Path dir = out.resolve("t");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(JobRecord.FILE), "{\"open\": \"1; rm -rf /\", \"attempts\": 1, \"jobs\": []}");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertNull(JobRecord.read(dir).open());
        } finally {
            System.setErr(err);
        }
        assertTrue(captured.toString().contains("names something that is not a Slurm job id"), captured.toString());
        assertFalse(Files.exists(dir.resolve(JobRecord.FILE)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("slurm.json.unreadable-")).count());
        }
    }

    private static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
