package dev.naslab.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.naslab.core.cluster.Envelope.Kind;
import dev.naslab.core.cluster.Messages.Assignment;
import dev.naslab.core.cluster.Messages.FileBatch;
import dev.naslab.core.cluster.Messages.FileBlob;
import dev.naslab.core.cluster.Messages.PullRequest;
import dev.naslab.core.cluster.Messages.Release;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker on loopback attacked the way a process on its network would: a member that learned the
 * cluster name but not the token, a member with the token that is no coordinator, a coordinator
 * that sends paths leading out of the scratch folder, and Java-serialized objects sent to the
 * member port. Each is refused with a log line and changes nothing.
 */
class ClusterSecurityTest {

    private static final String TOKEN = "security-test-token-0123456789";

    @TempDir
    static Path tmp;
    private static Path work;
    private static Path outside;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static WorkerNode worker;
    private static HazelcastInstance workerHz;
    private static HazelcastInstance rogue;
    private static Member workerMember;

    /** A task outside the allow-list that would run code when built. */
    static final class GadgetTask implements Callable<String>, Serializable {
        static volatile boolean built;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            built = true;
            in.defaultReadObject();
        }

        @Override
        public String call() {
            return "ran";
        }
    }

    @BeforeAll
    static void startWorkerAndIntruder() throws Exception {
        work = Files.createDirectories(tmp.resolve("scratch"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "the user's file");
        int port = freePort();
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        List<ClusterAddress> join = ClusterAddress.parseList("--join", "127.0.0.1:" + port);
        worker = WorkerNode.start(join, lo, port, TOKEN, "w1", 1, work, List.of(tmp.resolve("no-plugins")), false,
                new PrintStream(LOG, true, StandardCharsets.UTF_8));
        workerHz = Hazelcast.getAllHazelcastInstances().stream()
                .filter(h -> h.getName().startsWith("naslab-worker-")).findFirst().orElseThrow();
        workerMember = workerHz.getCluster().getLocalMember();
        // knows the cluster name (sent in clear in every join), says it is a coordinator, lacks the token
        Config c = intruder("127.0.0.1:" + port);
        c.setLiteMember(true);
        c.getMemberAttributeConfig().setAttributes(Map.of(ClusterMember.ROLE, ClusterMember.Role.COORDINATOR.name()));
        c.getSerializationConfig().addDataSerializableFactory(Wire.FACTORY_ID, new Wire());
        rogue = Hazelcast.newHazelcastInstance(c);
        assertEquals(2, rogue.getCluster().getMembers().size(), "the cluster name alone lets a member join");
    }

    /** A member that knows the cluster name (sent in clear in every join) and joins at {@code address}. */
    private static Config intruder(String address) throws IOException {
        Config c = new Config();
        c.setClusterName(ClusterToken.clusterName(TOKEN));
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "slf4j");
        c.getNetworkConfig().setPort(freePort()).setPortAutoIncrement(false);
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        c.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        c.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        c.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember(address);
        c.getJetConfig().setEnabled(false);
        return c;
    }

    @AfterAll
    static void stop() {
        if (rogue != null) {
            rogue.shutdown();
        }
        if (worker != null) {
            worker.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static String self() {
        return rogue.getCluster().getLocalMember().getUuid().toString();
    }

    private static Envelope send(MessageAuth as, Kind kind, Object payload) throws Exception {
        Envelope e = as.seal(kind, workerMember.getUuid().toString(), null, payload);
        return rogue.getExecutorService(ClusterMember.FILES_EXECUTOR).submitToMember(new SignedTask(e), workerMember)
                .get(30, TimeUnit.SECONDS);
    }

    private static String log() {
        return LOG.toString(StandardCharsets.UTF_8);
    }

    private static void assertRefused(Envelope reply, String logged) {
        assertEquals(Kind.REFUSED.name(), reply.kind, "nothing was served");
        assertTrue(log().contains(logged), "logged: " + logged + " in\n" + log());
    }

    private static void assertNothingOutsideChanged() throws IOException {
        assertEquals("the user's file", Files.readString(outside.resolve("secret.txt")));
        try (var s = Files.list(outside)) {
            assertEquals(1, s.count(), "nothing was written next to it");
        }
    }

    @Test
    void aMemberWithoutTheTokenIsServedNothing() throws Exception {
        MessageAuth guess = new MessageAuth("not-the-token-000000", self());
        assertRefused(send(guess, Kind.RELEASE, new Release("t1")), "refused a RELEASE message from member " + self()
                + ": its signature does not match this cluster's token");
        assertRefused(send(guess, Kind.PULL, new PullRequest("t1", 1, Map.of(), 0)),
                "refused a PULL message from member " + self());
        assertRefused(send(guess, Kind.RUN, new Assignment("t1", 1, "{}", 1, List.of())),
                "refused a RUN message from member " + self());
        assertRefused(send(guess, Kind.HELLO, new Messages.Hello("dev")), "refused a HELLO message");
        // an unsigned message built by hand
        Envelope e = new Envelope(Kind.RELEASE, self(), workerMember.getUuid().toString(), System.currentTimeMillis(),
                "n", null, "{\"trial\":\"t1\"}".getBytes(StandardCharsets.UTF_8), new byte[0][], null);
        Envelope reply = rogue.getExecutorService(ClusterMember.FILES_EXECUTOR)
                .submitToMember(new SignedTask(e), workerMember).get(30, TimeUnit.SECONDS);
        assertRefused(reply, "it is not signed");
    }

    @Test
    void aMemberWithTheTokenThatIsNoCoordinatorIsServedNothing() throws Exception {
        MessageAuth asWorker = new MessageAuth(TOKEN, workerMember.getUuid().toString());
        Envelope e = asWorker.seal(Kind.RELEASE, workerMember.getUuid().toString(), null, new Release("t1"));
        Envelope reply = rogue.getExecutorService(ClusterMember.FILES_EXECUTOR)
                .submitToMember(new SignedTask(e), workerMember).get(30, TimeUnit.SECONDS);
        assertRefused(reply, "may not send RELEASE messages here");
    }

    @Test
    void namesThatLeadOutOfTheScratchFolderAreRefused() throws Exception {
        // even a holder of the token cannot read, delete or write outside the worker's scratch folder
        MessageAuth coordinator = new MessageAuth(TOKEN, self());
        String abs = outside.toString();
        String up = "../../" + tmp.relativize(outside);
        for (String trial : List.of(abs, up, "..", ".")) {
            assertRefused(send(coordinator, Kind.PULL, new PullRequest(trial, 1, Map.of(), 0)),
                    "is not a trial id");
            assertRefused(send(coordinator, Kind.RELEASE, new Release(trial)), "is not a trial id");
        }
        // a symbolic link already inside the scratch folder, pointing out of it
        Path mine = Files.createDirectories(work.resolve(self()));
        Files.createSymbolicLink(mine.resolve("linked"), outside);
        assertRefused(send(coordinator, Kind.PULL, new PullRequest("linked", 1, Map.of(), 0)), "is a symbolic link");
        assertRefused(send(coordinator, Kind.RELEASE, new Release("linked")), "is a symbolic link");
        // a file of a trial folder that is a link to the user's file is not sent
        Path trial = Files.createDirectories(mine.resolve("t-link"));
        Files.createSymbolicLink(trial.resolve("result.json"), outside.resolve("secret.txt"));
        Envelope files = send(coordinator, Kind.PULL, new PullRequest("t-link", 1, Map.of(), 0));
        FileBatch batch = new MessageAuth(TOKEN, self()).open(files, Kind.FILES, FileBatch.class,
                workerMember.getUuid().toString()::equals, files.replyTo);
        assertEquals(List.of(), batch.files(), "the link is neither followed nor sent");
        // resume files whose names leave the trial folder
        for (String bad : List.of("../../../outside/planted.txt", abs + "/planted.txt", "search/../../x")) {
            String spec = "{\"id\":\"t2\"}";
            Envelope reply = send(coordinator, Kind.RUN, new Assignment("t2", 1, spec, 1,
                    List.of(new FileBlob(bad, "x".getBytes(StandardCharsets.UTF_8), false))));
            assertEquals(Kind.REFUSED.name(), reply.kind, bad);
        }
        assertTrue(log().contains("refusing a file outside the trial folder"), log());
        assertNothingOutsideChanged();
    }

    /** A member's stand-in for naslab's task: reads the request, answers with {@link #answer}. */
    abstract static class AnsweringTask implements Callable<Envelope>,
            com.hazelcast.nio.serialization.IdentifiedDataSerializable {
        final Envelope request = new Envelope();

        @Override
        public void readData(com.hazelcast.nio.ObjectDataInput in) throws IOException {
            request.readData(in);
        }

        @Override
        public void writeData(com.hazelcast.nio.ObjectDataOutput out) throws IOException {
            request.writeData(out);
        }

        @Override
        public int getFactoryId() {
            return Wire.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return Wire.TASK;
        }
    }

    /** What a member that learned the cluster name runs instead of naslab's task: it answers with a forged reply. */
    static final class ForgingTask extends AnsweringTask {
        static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Envelope call() {
            if (Kind.RUN.name().equals(request.kind)) {
                RUNS.incrementAndGet();
            }
            Object answer = Kind.HELLO.name().equals(request.kind) ? new Messages.Hello("dev")
                    : new Messages.Outcome(false, false, 0, "/", null);
            Kind kind = Kind.HELLO.name().equals(request.kind) ? Kind.HELLO_REPLY : Kind.OUTCOME;
            return new MessageAuth("a-guessed-token-000000", request.target).seal(kind, request.sender, request.nonce,
                    answer);
        }
    }

    /** A worker that is still starting: it declines the first two greetings, then answers with the token. */
    static final class SlowStartTask extends AnsweringTask {
        static final java.util.concurrent.atomic.AtomicInteger HELLOS = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Envelope call() {
            if (Kind.HELLO.name().equals(request.kind) && HELLOS.incrementAndGet() <= 2) {
                return MessageAuth.refusal(request.target, request.sender, request.nonce, "not a naslab worker");
            }
            return new MessageAuth(TOKEN, request.target).seal(Kind.HELLO_REPLY, request.sender, request.nonce,
                    new Messages.Hello("dev"));
        }
    }

    /**
     * Joins a worker member named {@code name} that answers tasks with {@code task}'s kind and claims
     * the plugin only it has, runs a coordinator with one trial that needs that plugin until
     * {@code until} appears in its output (or 30 s), and returns the output.
     */
    private static String coordinate(String name, java.util.function.Supplier<
            com.hazelcast.nio.serialization.IdentifiedDataSerializable> task, String until, Path out) throws Exception {
        Config c = intruder(workerMember.getAddress().getHost() + ":" + workerMember.getAddress().getPort());
        Map<String, PluginStamp> needed = Map.of("selector-magnitude", new PluginStamp("1.0.0", "ab"));
        c.getMemberAttributeConfig().setAttributes(Map.of(ClusterMember.ROLE, ClusterMember.Role.WORKER.name(),
                ClusterMember.VERSION, ClusterMember.naslabVersion(), ClusterMember.SLOTS, "4",
                ClusterMember.PLUGINS, PluginInventory.encode(needed), ClusterMember.NAME, name));
        c.getSerializationConfig().addDataSerializableFactory(Wire.FACTORY_ID,
                id -> id == Wire.TASK ? task.get() : new Envelope());
        HazelcastInstance member = Hazelcast.newHazelcastInstance(c);
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(said, true, StandardCharsets.UTF_8);
        try (ClusterCoordinator coordinator = ClusterCoordinator.join("--cluster", "127.0.0.1:"
                + workerMember.getAddress().getPort(), InetAddress.getByName("127.0.0.1"), TOKEN)) {
            // the real worker lacks the plugin the experiment needs; only this member claims to have it
            ClusterTrialExecutor exec = new ClusterTrialExecutor(coordinator, out, 1, needed,
                    new dev.naslab.core.progress.LineDisplay(print, 60), 1, print);
            dev.naslab.core.plan.TrialSpec t = new dev.naslab.core.plan.TrialSpec("t1", 0, 0, 0, "name: x", List.of(),
                    false, "", Map.of(), null, "s", "o");
            Thread run = new Thread(() -> {
                try {
                    exec.run(List.of(t));
                } catch (InterruptedException e) {
                    // stopped by the test
                }
            });
            run.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!said.toString(StandardCharsets.UTF_8).contains(until) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500);
            run.interrupt();
            run.join(10_000);
        } finally {
            member.shutdown();
        }
        return said.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aWorkerWithoutTheTokenGetsNoTrialAndItsForgedRepliesAreRefused() throws Exception {
        Path out = tmp.resolve("run");
        String text = coordinate("impostor", ForgingTask::new, "member impostor gets no trial", out);
        assertTrue(text.contains("member impostor gets no trial: it failed the token check: its signature does not "
                + "match this cluster's token"), text);
        assertEquals(0, ForgingTask.RUNS.get(), "the impostor was never sent a trial: " + text);
        assertFalse(Files.exists(out.resolve("t1").resolve("result.json")), "no result was recorded");
    }

    @Test
    void aWorkerThatIsStillStartingIsGreetedAgain() throws Exception {
        String text = coordinate("late", SlowStartTask::new, "[t1] runs on late", tmp.resolve("run-late"));
        int placed = text.indexOf("[t1] runs on late");
        assertTrue(placed > 0 && text.contains("member late: 4 slot(s) of 1 thread(s)"), text);
        assertFalse(text.substring(0, placed).contains("member late gets no trial"), text);
        assertTrue(SlowStartTask.HELLOS.get() >= 3, "greeted until it answered: " + SlowStartTask.HELLOS.get());
    }

    @Test
    void aJavaSerializedTaskOffTheAllowListIsRefusedBeforeItIsBuilt() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> rogue
                .getExecutorService(ClusterMember.FILES_EXECUTOR).submitToMember(new GadgetTask(), workerMember)
                .get(30, TimeUnit.SECONDS));
        assertFalse(GadgetTask.built, "the worker never built it");
        assertTrue(String.valueOf(e.getCause()).contains("GadgetTask is not allowed"), "Hazelcast's filter: " + e);
    }

    @Test
    void aJavaSerializedBombOfJdkClassesIsRefusedBeforeItIsBuilt() {
        // JDK classes pass Hazelcast's filter; naslab's allow-list refuses them before the graph is built
        Data bytes = ((SerializationServiceSupport) rogue).getSerializationService()
                .toData(Collections.unmodifiableSet(JavaDeserializationFilterTest.nestedSetBomb()));
        long before = JavaDeserializationFilter.instance().refusedCount();
        long t0 = System.nanoTime();
        assertThrows(HazelcastSerializationException.class,
                () -> ((SerializationServiceSupport) workerHz).getSerializationService().toObject(bytes));
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "refused at once, not after 2^100 hash calls");
        assertEquals(before + 1, JavaDeserializationFilter.instance().refusedCount());
    }
}
