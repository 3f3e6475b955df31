package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials as jobs of a real single-node Slurm ({@link LocalSlurm}): four trials give the local run's table, with one
 * job cancelled mid-search by {@code scancel} (as a preemption would end it) and resumed from its checkpoint; a trial
 * whose code fails is reported once and not resubmitted; {@code --detach} then {@code naslab run} collects without
 * submitting again; jobs outlive a coordinator killed with -9 and the next run adopts them; Ctrl-C cancels every job
 * of the experiment; a partition that does not exist is Slurm's message,
 * before anything is submitted.
 */
class SlurmRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static LocalSlurm slurm;

    @BeforeAll
    static void startSlurm() throws Exception {
        slurm = LocalSlurm.start(work.resolve("slurm"));
    }

    @AfterAll
    static void stopSlurm() {
        if (slurm != null) {
            slurm.close();
        }
    }

    private static String[] run(Path config, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("run", config.toString(), "--set", "output=" + out, "--slurm",
                "--mem=1500M", "--poll-seconds=1"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void fourJobsGiveTheLocalTableAndACancelledJobResumesFromItsCheckpoint() throws Exception {
        // a dataset path relative to the folder naslab runs in: the jobs resolve it there too, as a local run does
        Path config = config("four", "[0, 1, 2, 3]", 6, "plugins/dataset-images/src/main/resources/dev/naslab/dataset/"
                + "images/sample/fashion-mnist");
        Path out = work.resolve("four-slurm");
        Process coordinator = Cli.start(slurm.env(), work.resolve("four.out"), run(config, out));
        String[] cancelled = new String[2];
        try {
            SurvivalTest.waitFor(() -> {
                for (JsonNode e : trials(out).values()) {
                    Path trial = out.resolve(e.get("trial").asText());
                    if (e.path("state").asText().equals("running") && e.hasNonNull("job")
                            && Files.isRegularFile(trial.resolve("search/checkpoint-0002/state.json"))
                            && !Files.isRegularFile(trial.resolve("search/checkpoint-0006/state.json"))) {
                        cancelled[0] = e.get("trial").asText();
                        cancelled[1] = e.get("job").asText();
                        return true;
                    }
                }
                return false;
            }, 300, "a job mid-search with two checkpoints");
            assertEquals(0, slurm.command("scancel", cancelled[1]).code());
            assertTrue(coordinator.waitFor(600, TimeUnit.SECONDS), "the run ends");
        } finally {
            coordinator.destroyForcibly();
        }
        String printed = Files.readString(work.resolve("four.out"));
        assertEquals(0, coordinator.exitValue(), printed);
        assertTrue(printed.contains("naslab: slurm: sbatch: Job "), "sbatch --test-only's answer: " + printed);
        assertTrue(printed.contains("naslab: slurm: the nodes see " + out), printed);

        Path moved = out.resolve(cancelled[0]);
        String log = Files.readString(moved.resolve("trial.log"));
        assertTrue(log.matches("(?s).*naslab: Slurm ended job " + cancelled[1] + " CANCELLED on " + LocalSlurm.NODE
                + "; attempt 2 resumes from checkpoint-000[2-6].*"), log);
        assertTrue(log.contains("naslab: search resuming from checkpoint-000"), "the second job resumed the search: " + log);
        JsonNode record = JSON.readTree(moved.resolve("slurm.json").toFile());
        assertEquals(2, record.get("jobs").size(), record.toString());
        assertTrue(record.path("open").isMissingNode(), "collected: " + record);
        String second = record.get("jobs").get(1).get("id").asText();
        JsonNode manifest = JSON.readTree(moved.resolve("manifest.json").toFile());
        assertEquals(second, manifest.at("/slurm/job_id").asText(), manifest.toString());
        assertEquals(LocalSlurm.NODE, manifest.at("/slurm/node").asText());

        Map<String, JsonNode> status = trials(out);
        assertEquals(4, status.size());
        status.values().forEach(e -> assertEquals("done", e.get("state").asText(), e.toString()));
        assertEquals(2, status.get(cancelled[0]).get("attempts").asInt());
        assertEquals(second, status.get(cancelled[0]).get("job").asText());
        for (String trial : status.keySet()) {
            if (!trial.equals(cancelled[0])) {
                assertEquals(1, JSON.readTree(out.resolve(trial).resolve("slurm.json").toFile()).get("jobs").size(),
                        trial + " ran as one job");
            }
            assertTrue(Files.readString(out.resolve(trial).resolve("slurm-job.sh")).contains("#SBATCH --cpus-per-task=1"));
        }

        Cli.Result st = Cli.run("status", out.toString());
        assertEquals(0, st.code(), st.all());
        assertTrue(st.out().contains("4 trial(s): 4 done"), st.out());
        assertTrue(st.out().matches("(?s).*TRIAL +STATE +JOB +SLURM +NODE.*"), st.out());
        assertTrue(st.out().matches("(?s).*" + java.util.regex.Pattern.quote(cancelled[0]) + " +done +" + second
                + " +COMPLETED +" + LocalSlurm.NODE + " +2 .*"), st.out());

        Path local = work.resolve("four-local");
        Cli.Result l = Cli.run("run", config.toString(), "--set", "output=" + local, "--parallel", "2");
        assertEquals(0, l.code(), l.all());
        assertEquals(SurvivalTest.without(Files.readAllLines(local.resolve("results.csv")), 11, 12, 13),
                SurvivalTest.without(Files.readAllLines(out.resolve("results.csv")), 11, 12, 13),
                "Slurm's table is the local one (times aside), the cancelled trial included");
    }

    @Test
    void aFailingTrialIsReportedOnceAndADetachedRunIsCollectedWithoutResubmitting() throws Exception {
        // a dataset whose training images are cut short: the trial's own code fails when it reads them
        Path broken = work.resolve("broken-data");
        Files.createDirectories(broken);
        Path sample = Cli.ROOT.resolve("plugins/dataset-images/src/main/resources/dev/naslab/dataset/images/sample/"
                + "fashion-mnist");
        try (Stream<Path> files = Files.list(sample)) {
            for (Path f : files.toList()) {
                Files.copy(f, broken.resolve(f.getFileName()));
            }
        }
        byte[] images = Files.readAllBytes(sample.resolve("train-images-idx3-ubyte.gz"));
        Files.write(broken.resolve("train-images-idx3-ubyte.gz"), java.util.Arrays.copyOf(images, 2000));
        Path failing = config("failing", "[0]", 2, broken.toString());
        Path failOut = work.resolve("failing");
        Cli.Result f = Cli.run(slurm.env(), run(failing, failOut));
        assertEquals(1, f.code(), f.all());
        assertTrue(f.out().contains("train-images-idx3-ubyte.gz is truncated"), f.out());
        Path trial = failOut.resolve("nas-bench-201.darts.s0");
        assertEquals(1, JSON.readTree(trial.resolve("slurm.json").toFile()).get("jobs").size(), "not resubmitted");
        assertEquals(1, count(Files.readString(trial.resolve("trial.log")), "naslab: slurm job "), "one job ran");
        assertEquals("failed", JSON.readTree(trial.resolve("result.json").toFile()).get("status").asText());

        Path config = config("detached", "[0, 1]", 3, "sample");
        Path out = work.resolve("detached");
        Cli.Result d = Cli.run(slurm.env(), run(config, out, "--detach"));
        assertEquals(0, d.code(), d.all());
        assertTrue(d.out().contains("naslab: 2 trial(s) run as Slurm jobs on their own"), d.out());
        Map<String, String> jobs = new HashMap<>();
        for (JsonNode e : trials(out).values()) {
            jobs.put(e.get("trial").asText(), e.get("job").asText());
        }
        assertEquals(2, jobs.size());

        Cli.Result st = Cli.run(slurm.env(), "status", out.toString());
        assertEquals(0, st.code(), st.all());
        assertTrue(st.out().contains("run on their own"), st.out());
        jobs.values().forEach(j -> assertTrue(st.out().contains(" " + j + " "), "status shows job " + j + ": " + st.out()));

        Cli.Result here = Cli.run("run", config.toString(), "--set", "output=" + out);
        assertEquals(2, here.code(), here.all());
        assertTrue(here.err().contains("has Slurm job "), "a local run does not run the jobs' trials too: " + here.err());

        Cli.Result c = Cli.run(slurm.env(), run(config, out));
        assertEquals(0, c.code(), c.all());
        assertFalse(c.out().contains("submitted as Slurm job"), c.out());
        for (Map.Entry<String, String> e : jobs.entrySet()) {
            assertTrue(c.out().contains("[" + e.getKey() + "] job " + e.getValue() + " from an earlier run: watching it, "
                    + "not submitting again"), c.out());
            JsonNode record = JSON.readTree(out.resolve(e.getKey()).resolve("slurm.json").toFile());
            assertEquals(1, record.get("jobs").size(), record.toString());
        }
        assertEquals(3, Files.readAllLines(out.resolve("results.csv")).size());
        assertTrue(Files.readAllLines(out.resolve("results.csv")).stream().skip(1).allMatch(r -> r.contains(",ok,")));
    }

    @Test
    void aDeadCoordinatorLeavesItsJobsToTheNextRunAndCtrlCCancelsEveryJob() throws Exception {
        Path config = config("interrupted", "[0, 1, 2]", 40, "sample");
        Path out = work.resolve("interrupted");
        Process first = Cli.start(slurm.env(), work.resolve("interrupted-1.out"), run(config, out));
        Map<String, String> jobs = new HashMap<>();
        try {
            SurvivalTest.waitFor(() -> {
                Map<String, JsonNode> t = trials(out);
                return t.size() == 3 && t.values().stream().allMatch(e -> e.hasNonNull("job"))
                        && t.values().stream().anyMatch(e -> e.get("state").asText().equals("running"));
            }, 300, "three jobs submitted, one running");
            trials(out).values().forEach(e -> jobs.put(e.get("trial").asText(), e.get("job").asText()));
            first.toHandle().destroyForcibly(); // kill -9: no hook runs, the jobs go on
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        } finally {
            first.destroyForcibly();
        }
        Thread.sleep(2000);
        jobs.values().forEach(j -> assertTrue(List.of("PENDING", "RUNNING").contains(slurm.state(j)),
                "job " + j + " outlives its coordinator: " + slurm.state(j)));

        Path secondOut = work.resolve("interrupted-2.out");
        Process second = Cli.start(slurm.env(), secondOut, run(config, out));
        try {
            SurvivalTest.waitFor(() -> count(Files.readString(secondOut), "from an earlier run: watching it") == 3, 120,
                    "the next run adopting the three jobs");
            new ProcessBuilder("kill", Cli.ctrlCSignal(), Long.toString(second.pid())).start().waitFor(); // Ctrl-C
            if (!second.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("Ctrl-C did not end the run within 60 s; it printed:\n"
                        + Files.readString(secondOut) + "\nits threads:\n" + threadDump(second.pid()));
            }
        } finally {
            second.destroyForcibly();
        }
        String printed = Files.readString(secondOut);
        assertFalse(printed.contains("submitted as Slurm job"), "nothing submitted twice: " + printed);
        assertTrue(printed.contains("naslab: cancelled the experiment's Slurm job(s) "), printed);
        for (Map.Entry<String, String> e : jobs.entrySet()) {
            SurvivalTest.waitFor(() -> slurm.state(e.getValue()).equals("CANCELLED"), 30, "job " + e.getValue()
                    + " cancelled");
            assertNull(JSON.readTree(out.resolve(e.getKey()).resolve("slurm.json").toFile()).get("open"),
                    "the next run submits it afresh");
            assertEquals("stopped", trials(out).get(e.getKey()).get("state").asText());
        }
    }

    @Test
    void slurmSaysWhatIsWrongBeforeAnythingIsSubmitted() throws Exception {
        Path config = config("refused", "[0]", 1, "sample");
        List<String> before = slurm.jobs();
        Cli.Result r = Cli.run(slurm.env(), run(config, work.resolve("refused"), "--partition", "gpuq"));
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("sbatch: error: invalid partition specified: gpuq"), r.err());
        assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), "no stack trace: " + r.all());
        assertEquals(before, slurm.jobs(), "nothing was submitted");

        Cli.Result time = Cli.run(slurm.env(), run(config, work.resolve("refused"), "--time", "soon"));
        assertEquals(2, time.code(), time.all());
        assertTrue(time.err().contains("--time 'soon' is not allowed: minutes, MM:SS, HH:MM:SS"), time.err());

        Cli.Result plan = Cli.run(slurm.env(), "plan", config.toString(), "--slurm", "--no-calibrate");
        assertEquals(0, plan.code(), plan.all());
        assertTrue(plan.out().contains("on Slurm: 1 job(s), one per trial not reused, each --cpus-per-task=1 --mem=6G"),
                plan.out());
        assertTrue(plan.out().matches("(?s).*  time limit (\\d\\d:\\d\\d:00 \\(twice the estimate, at least 15 "
                + "minutes\\)|the partition's default \\(no estimate; give --time\\)): nas-bench-201\\.darts\\.s0\n.*"),
                plan.out());
        Cli.Result fixed = Cli.run(slurm.env(), "plan", config.toString(), "--slurm", "--no-calibrate", "--time", "2:00:00");
        assertTrue(fixed.out().contains("  time limit 2:00:00 (--time): nas-bench-201.darts.s0\n"), fixed.out());
    }

    private static String threadDump(long pid) throws IOException, InterruptedException {
        Path dump = Files.createTempFile(work, "jstack", ".txt");
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        new ProcessBuilder(jstack.toString(), Long.toString(pid)).redirectErrorStream(true).redirectOutput(dump.toFile())
                .start().waitFor(30, TimeUnit.SECONDS);
        return Files.readString(dump);
    }

    private static Path config(String name, String seeds, int epochs, String data) throws IOException {
        Path f = work.resolve(name + ".yaml");
        Files.writeString(f, String.join("\n",
                "name: slurm-" + name,
                "threads: 1",
                "seeds: " + seeds,
                "dataset: {use: fashion-mnist, path: " + data + ", train_limit: 768, test_limit: 128}",
                "space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}",
                "search: {use: darts, epochs: " + epochs + ", batch_size: 64, checkpoint_every: 1}",
                "selection: [magnitude]",
                "evaluation: {use: train, epochs: 1, batch_size: 64}", ""));
        return f;
    }

    private static Map<String, JsonNode> trials(Path out) {
        Map<String, JsonNode> m = new HashMap<>();
        Path f = out.resolve("status.json");
        try {
            if (Files.isRegularFile(f)) {
                for (JsonNode e : JSON.readTree(f.toFile()).get("trials")) {
                    m.put(e.get("trial").asText(), e);
                }
            }
        } catch (IOException e) {
            // replaced while read: the caller asks again
        }
        return m;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
