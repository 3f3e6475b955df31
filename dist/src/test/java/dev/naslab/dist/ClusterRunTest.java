package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster on loopback with real member JVMs started by the launcher: trials spread over
 * members give the local run's table; a member without a needed plugin gets no trial; a wrong
 * token cannot join; kill -9 of a worker moves its trial to another member, which resumes it from
 * the newest checkpoint the coordinator received; kill -9 of the coordinator stops the workers'
 * trials, and running it again finishes the experiment with the same results as a local run.
 */
class ClusterRunTest {

    private static final String TOKEN = "cluster-test-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Process> members = new ArrayList<>();

    @AfterEach
    void stopMembers() {
        for (Process p : members) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void trialsSpreadOverMembersGiveTheLocalTable(@TempDir Path work) throws Exception {
        int seed = freePort();
        int second = freePort();
        int third = freePort();
        startWorker(work, "w1", seed, seed, null);
        startWorker(work, "w2", seed, second, null);
        Path partial = work.resolve("plugins-without-magnitude");
        Files.createDirectories(partial);
        try (Stream<Path> jars = Files.list(Cli.DIST.resolve("plugins"))) {
            for (Path jar : jars.toList()) {
                if (!jar.getFileName().toString().startsWith("selector-magnitude")) {
                    Files.copy(jar, partial.resolve(jar.getFileName()));
                }
            }
        }
        startWorker(work, "w3", seed, third, partial);

        Cli.Result stranger = Cli.run(Map.of("NASLAB_CLUSTER_TOKEN", "another-token-987654321"),
                "worker", "--join", "127.0.0.1:" + seed, "--port", Integer.toString(freePort()));
        assertEquals(2, stranger.code(), stranger.all());
        assertTrue(stranger.err().contains("no naslab member at 127.0.0.1:" + seed + " let this worker join"),
                stranger.err());

        Path config = config(work, "[0, 1, 2, 3, 4, 5]", 1, ", train_limit: 512, test_limit: 256");
        Path cluster = work.resolve("cluster");
        Cli.Result r = Cli.run(Map.of("NASLAB_CLUSTER_TOKEN", TOKEN), "run", config.toString(),
                "--set", "output=" + cluster, "--cluster", "127.0.0.1:" + seed);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("member 127.0.0.1:" + third + " gets no trial: it lacks plugin selector-magnitude"),
                r.out());
        assertEquals(3, count(r.out(), "naslab: cluster: member "), "the stranger is not a member: " + r.out());
        Map<String, JsonNode> status = trials(cluster);
        assertEquals(6, status.size());
        Set<String> used = status.values().stream().map(e -> e.get("member").asText()).collect(Collectors.toSet());
        assertEquals(Set.of("127.0.0.1:" + seed, "127.0.0.1:" + second), used, "both full members ran trials, w3 none");
        status.values().forEach(e -> assertEquals("done", e.get("state").asText(), e.toString()));
        assertTrue(r.out().contains(" @ 127.0.0.1:" + second + "] search"), "progress names the member: " + r.out());

        Cli.Result st = Cli.run("status", cluster.toString());
        assertEquals(0, st.code(), st.all());
        assertTrue(st.out().contains("6 trial(s): 6 done"), st.out());
        assertTrue(st.out().contains("finished"), st.out());

        Path local = work.resolve("local");
        Cli.Result l = Cli.run("run", config.toString(), "--set", "output=" + local, "--parallel", "2");
        assertEquals(0, l.code(), l.all());
        assertEquals(SurvivalTest.without(Files.readAllLines(local.resolve("results.csv")), 11, 12, 13),
                SurvivalTest.without(Files.readAllLines(cluster.resolve("results.csv")), 11, 12, 13),
                "the cluster's table is the local one (times aside)");
    }

    @Test
    void lostWorkerAndLostCoordinator(@TempDir Path work) throws Exception {
        int seed = freePort();
        int second = freePort();
        Process w1 = startWorker(work, "w1", seed, seed, null);
        Process w2 = startWorker(work, "w2", seed, second, null);
        Path config = config(work, "[0, 1]", 8, "");
        Path out = work.resolve("cluster");
        String[] run = {"run", config.toString(), "--set", "output=" + out, "--cluster", "127.0.0.1:" + seed,
            "--pull-seconds", "1"};
        Process coordinator = start(work.resolve("coordinator-1.out"), run);
        members.add(coordinator);

        // kill -9 of the worker running a trial, once the coordinator holds two of its checkpoints
        String[] onSecond = new String[1];
        SurvivalTest.waitFor(() -> {
            for (JsonNode e : trials(out).values()) {
                if (e.path("member").asText().equals("127.0.0.1:" + second)
                        && Files.isRegularFile(out.resolve(e.get("trial").asText()).resolve("search/checkpoint-0002/state.json"))) {
                    onSecond[0] = e.get("trial").asText();
                    return true;
                }
            }
            return false;
        }, 180, "a trial on w2 with two checkpoints at the coordinator");
        List<ProcessHandle> w2Trials = trialJvms(w2);
        assertEquals(1, w2Trials.size(), "w2 runs one trial JVM");
        w2.toHandle().destroyForcibly();
        assertTrue(w2.waitFor(10, TimeUnit.SECONDS));
        waitDead(w2Trials, "the lost worker's trial JVM stops");

        String moved = onSecond[0];
        Path movedDir = out.resolve(moved);
        SurvivalTest.waitFor(() -> trials(out).get(moved).get("attempts").asInt() == 2
                && trials(out).get(moved).get("state").asText().equals("running"), 180, "the trial re-run on w1");
        String log = Files.readString(movedDir.resolve("trial.log"));
        assertTrue(log.contains("naslab: member 127.0.0.1:" + second + " was lost"), log);
        assertTrue(log.matches("(?s).*attempt 2 on member 127\\.0\\.0\\.1:" + seed
                + ", resuming from checkpoint-000[2-8].*"), log);

        // kill -9 of the coordinator while w1 runs the moved trial: w1 stops it
        SurvivalTest.waitFor(() -> !trialJvms(w1).isEmpty(), 60, "the moved trial's JVM on w1");
        List<ProcessHandle> w1Trials = trialJvms(w1);
        coordinator.toHandle().destroyForcibly();
        assertTrue(coordinator.waitFor(10, TimeUnit.SECONDS));
        waitDead(w1Trials, "the worker stops the trials of a coordinator that died");
        assertTrue(w1.isAlive(), "the worker itself stays");

        Cli.Result again = Cli.run(Map.of("NASLAB_CLUSTER_TOKEN", TOKEN), run);
        assertEquals(0, again.code(), again.all());
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, rows.size(), "each trial once: " + rows);
        assertEquals(1, rows.stream().filter(x -> x.startsWith(moved + ",")).count(), rows.toString());

        Path local = work.resolve("local");
        Cli.Result l = Cli.run("run", config.toString(), "--set", "output=" + local, "--parallel", "2");
        assertEquals(0, l.code(), l.all());
        assertEquals(SurvivalTest.without(Files.readAllLines(local.resolve("results.csv")), 11, 12, 13),
                SurvivalTest.without(rows, 11, 12, 13), "moved, stopped and resumed, the same results as locally");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Process startWorker(Path work, String name, int join, int port, Path plugins) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker", "--join", "127.0.0.1:" + join, "--port",
                Integer.toString(port), "--slots", "1", "--work-dir", work.resolve("scratch-" + name).toString()));
        if (plugins != null) {
            args.addAll(List.of("--plugins", plugins.toString()));
        }
        Path log = work.resolve(name + ".out");
        Process p = start(log, args.toArray(String[]::new));
        members.add(p);
        SurvivalTest.waitFor(() -> Files.readString(log).contains("in the cluster of") || !p.isAlive(), 60,
                name + " to join");
        assertTrue(p.isAlive(), Files.readString(log));
        return p;
    }

    private static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Cli.DIST.resolve("bin/naslab").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Cli.ROOT.toFile()).redirectOutput(log.toFile())
                .redirectErrorStream(true);
        pb.environment().remove("NASLAB_PLUGINS");
        pb.environment().put("NASLAB_JAVA_OPTS", "-Xmx1g");
        pb.environment().put("NASLAB_TRIAL_JAVA_OPTS", "-Xmx2g");
        pb.environment().put("NASLAB_CLUSTER_TOKEN", TOKEN);
        return pb.start();
    }

    /** {@code dataLimits}: more of the dataset block, e.g. {@code ", train_limit: 512"}. */
    private static Path config(Path work, String seeds, int epochs, String dataLimits) throws IOException {
        Path f = work.resolve("cluster-" + epochs + ".yaml");
        Files.writeString(f, String.join("\n",
                "name: cluster-test",
                "threads: 1",
                "seeds: " + seeds,
                "dataset: {use: fashion-mnist, path: sample" + dataLimits + "}",
                "space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}",
                "search: {use: darts, epochs: " + epochs + ", batch_size: 64, checkpoint_every: 1}",
                "selection: [magnitude]",
                "evaluation: {use: train, epochs: 1, batch_size: 64}", ""));
        return f;
    }

    private static Map<String, JsonNode> trials(Path out) throws IOException {
        Map<String, JsonNode> m = new HashMap<>();
        Path f = out.resolve("status.json");
        if (Files.isRegularFile(f)) {
            for (JsonNode e : JSON.readTree(f.toFile()).get("trials")) {
                m.put(e.get("trial").asText(), e);
            }
        }
        return m;
    }

    private static List<ProcessHandle> trialJvms(Process member) {
        return member.toHandle().descendants()
                .filter(h -> h.info().commandLine().orElse("").contains("dev.naslab.core.trial.TrialMain")).toList();
    }

    private static void waitDead(List<ProcessHandle> jvms, String what) throws Exception {
        SurvivalTest.waitFor(() -> jvms.stream().noneMatch(ProcessHandle::isAlive), 30, what);
        assertFalse(jvms.stream().anyMatch(ProcessHandle::isAlive), what);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
