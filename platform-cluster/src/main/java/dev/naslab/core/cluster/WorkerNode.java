package dev.naslab.core.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import dev.naslab.core.cluster.Envelope.Kind;
import dev.naslab.core.cluster.Messages.Assignment;
import dev.naslab.core.cluster.Messages.FileBatch;
import dev.naslab.core.cluster.Messages.FileBlob;
import dev.naslab.core.cluster.Messages.Hello;
import dev.naslab.core.cluster.Messages.Outcome;
import dev.naslab.core.cluster.Messages.ProgressNote;
import dev.naslab.core.cluster.Messages.PullRequest;
import dev.naslab.core.cluster.Messages.Release;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.plugin.Registry;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.trial.TrialProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker: a cluster member that runs the trials coordinators hand it, each in a child JVM
 * ({@link TrialProcess}) with this machine's plugins and data, in a scratch folder per trial that
 * the coordinator pulls files from. It runs at most its slots at once, and stops a coordinator's
 * trials when that coordinator leaves the cluster (killed, Ctrl-C, lost). It serves only requests
 * signed with the cluster token by a coordinator that is a member ({@link MessageAuth}), and every
 * name in them that becomes a path stays inside its scratch folder ({@link ConfinedPaths}).
 */
public final class WorkerNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerNode.class);
    private static volatile WorkerNode current;

    private record Running(String coordinator, String trial, int attempt, Process process) {
    }

    private final HazelcastInstance hz;
    private final String name;
    private final Path workDir;
    private final List<Path> pluginRoots;
    private final boolean development;
    private final Integer slots;
    private final int cores;
    private final PrintStream log;
    private final FolderSync sync = new FolderSync();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ITopic<Envelope> progress;
    private final MessageAuth auth;
    private volatile boolean stopping;

    private WorkerNode(HazelcastInstance hz, String token, Path workDir, List<Path> pluginRoots, boolean development,
            Integer slots, int cores, PrintStream log) {
        this.hz = hz;
        this.auth = new MessageAuth(token, hz.getCluster().getLocalMember().getUuid().toString());
        this.name = ClusterMember.name(hz.getCluster().getLocalMember());
        this.workDir = workDir;
        this.pluginRoots = pluginRoots;
        this.development = development;
        this.slots = slots;
        this.cores = cores;
        this.log = log;
        this.progress = hz.getTopic(ClusterMember.PROGRESS_TOPIC);
    }

    /**
     * Loads this machine's plugins (to publish what it has), starts the member and joins the
     * cluster at {@code join}; fails when no member there lets it in.
     *
     * @param name  the name users see, or null for the member's address
     * @param slots trials at once, or null for cores / each trial's threads
     */
    public static WorkerNode start(List<ClusterAddress> join, InetAddress bind, Integer port, String token,
            String name, Integer slots, Path workDir, List<Path> pluginRoots, boolean development, PrintStream log) {
        Registry registry = Registry.load(pluginRoots, development);
        registry.warnings().forEach(w -> log.println("naslab: warning: " + w));
        Map<String, String> attrs = new HashMap<>();
        attrs.put(ClusterMember.PLUGINS, PluginInventory.encode(PluginInventory.installed(registry)));
        registry.close();
        int cores = Runtime.getRuntime().availableProcessors();
        attrs.put(ClusterMember.CORES, Integer.toString(cores));
        attrs.put(ClusterMember.SLOTS, slots == null ? "" : slots.toString());
        if (name != null) {
            attrs.put(ClusterMember.NAME, name);
        }
        ClusterAddress first = join.get(0);
        boolean seedHere = port == null && bind.getHostAddress().equals(first.inet("--join").getHostAddress());
        int p = port != null ? port : seedHere ? first.port() : ClusterAddress.DEFAULT_PORT;
        HazelcastInstance hz = ClusterMember.start(ClusterMember.Role.WORKER, bind, p, port == null, join, token, attrs);
        if (ClusterMember.alone(hz, join)) {
            hz.shutdown();
            throw new ClusterException("no naslab member at " + first + " let this worker join: is a worker running "
                    + "there, and does this machine use the same cluster token (" + ClusterToken.ENV + ")?");
        }
        WorkerNode node = new WorkerNode(hz, token, workDir, pluginRoots, development, slots, cores, log);
        hz.getCluster().addMembershipListener(node.new CoordinatorWatch());
        current = node;
        return node;
    }

    /** This member's name. */
    public String name() {
        return name;
    }

    /** The members of the cluster, for the start-up line. */
    public int clusterSize() {
        return hz.getCluster().getMembers().size();
    }

    /** How many trials this worker runs at once for trials of {@code threads} threads. */
    public String slotsDescription() {
        return slots != null ? slots + " slot(s)" : "cores (" + cores + ") / each trial's threads slot(s)";
    }

    /** Answers {@code request} on this JVM's worker; a JVM that is no worker refuses it. */
    static Envelope serve(Envelope request) {
        WorkerNode n = current;
        if (n == null) {
            LOG.warn("naslab: refused a task from member {}: this member is not a naslab worker",
                    request == null ? null : ConfinedPaths.printable(request.sender));
            return MessageAuth.refusal("", request == null ? "" : request.sender, null, "not a naslab worker");
        }
        return n.answer(request);
    }

    /**
     * Checks {@code request} (signed with the token, addressed to this member, sent by a
     * coordinator that is a member now, fresh, not a replay) before anything else, then serves it
     * and signs the reply. A refused request does nothing but a log line.
     */
    Envelope answer(Envelope request) {
        String kind = request == null ? "empty" : ConfinedPaths.printable(request.kind);
        String from = request == null ? "?" : ConfinedPaths.printable(request.sender);
        try {
            Kind k = kindOf(request);
            return switch (k) {
                case HELLO -> {
                    auth.open(request, Kind.HELLO, Hello.class, this::isCoordinator, null);
                    yield auth.seal(Kind.HELLO_REPLY, request.sender, request.nonce,
                            new Hello(ClusterMember.naslabVersion()));
                }
                case RUN -> {
                    Assignment a = auth.open(request, Kind.RUN, Assignment.class, this::isCoordinator, null);
                    yield auth.seal(Kind.OUTCOME, request.sender, request.nonce, run(request.sender, a));
                }
                case PULL -> {
                    PullRequest r = auth.open(request, Kind.PULL, PullRequest.class, this::isCoordinator, null);
                    yield auth.seal(Kind.FILES, request.sender, request.nonce, pull(request.sender, r));
                }
                case RELEASE -> {
                    Release r = auth.open(request, Kind.RELEASE, Release.class, this::isCoordinator, null);
                    release(request.sender, r.trial());
                    yield auth.seal(Kind.RELEASED, request.sender, request.nonce, r);
                }
                default -> throw new MessageAuth.Refused("a worker serves no " + k + " message");
            };
        } catch (MessageAuth.Refused | IllegalArgumentException e) {
            say("refused a " + kind + " message from member " + from + ": " + e.getMessage());
            return MessageAuth.refusal(auth.self(), request == null ? "" : request.sender,
                    request == null ? null : request.nonce, e.getMessage());
        }
    }

    private static Kind kindOf(Envelope e) throws MessageAuth.Refused {
        try {
            return Kind.valueOf(e.kind);
        } catch (RuntimeException ex) {
            throw new MessageAuth.Refused("not a naslab message");
        }
    }

    private boolean isCoordinator(String uuid) {
        return hz.getCluster().getMembers().stream()
                .anyMatch(m -> m.getUuid().toString().equals(uuid) && ClusterMember.isCoordinator(m));
    }

    private Outcome run(String coordinator, Assignment a) {
        Path dir = ConfinedPaths.trialFolder(workDir, coordinator, a.trial());
        if (a.threads() < 1 || a.threads() > 1024) {
            throw new IllegalArgumentException("a trial of " + a.threads() + " threads");
        }
        for (FileBlob f : a.files()) {
            FolderSync.check(dir, f); // every name first: a refused task changes nothing
        }
        String key = coordinator + "/" + a.trial();
        synchronized (running) {
            int limit = slots != null ? slots : Math.max(1, cores / Math.max(1, a.threads()));
            if (running.size() >= limit || running.containsKey(key)) {
                return new Outcome(true, false, 0, dir.toString(), null);
            }
            running.put(key, new Running(coordinator, a.trial(), a.attempt(), null));
        }
        try {
            TrialSpec s;
            try {
                s = Mappers.JSON.readValue(a.spec(), TrialSpec.class);
            } catch (IOException e) {
                throw new IllegalArgumentException("the trial's spec is not readable: " + e.getMessage());
            }
            if (!a.trial().equals(s.id())) {
                throw new IllegalArgumentException("the spec of trial " + s.id() + " came as trial " + a.trial());
            }
            deleteTree(dir);
            Files.createDirectories(dir);
            for (FileBlob b : a.files()) {
                FolderSync.write(dir, b);
            }
            TrialSpec local = new TrialSpec(s.id(), s.seed(), s.space(), s.search(), s.experiment(),
                    pluginRoots.stream().map(p -> p.toAbsolutePath().toString()).toList(), development, s.variant(),
                    s.values(), s.baseline(), s.spaceLabel(), s.searchLabel());
            AtomicFiles.writeJson(dir.resolve(FolderSync.SPEC), local);
            say(a.trial() + " (attempt " + a.attempt() + ") starts" + (a.files().isEmpty() ? ""
                    : ", resuming from " + a.files().size() + " file(s) of the coordinator"));
            Process p = TrialProcess.start(dir, a.threads());
            running.put(key, new Running(coordinator, a.trial(), a.attempt(), p));
            if (hz.getCluster().getMembers().stream().noneMatch(m -> m.getUuid().toString().equals(coordinator))) {
                p.destroy(); // its coordinator left while we were starting it
            }
            int code = TrialProcess.pump(p, dir.resolve(FolderSync.LOG), (phase, total, done, note) ->
                    progress.publish(auth.seal(Kind.PROGRESS, coordinator, null, new ProgressNote(a.trial(),
                            a.attempt(), name, phase, total, done, note))));
            say(a.trial() + " (attempt " + a.attempt() + ") ended, exit code " + code);
            return new Outcome(false, stopping, code, dir.toString(), null);
        } catch (IOException | UncheckedIOException e) {
            say(a.trial() + " (attempt " + a.attempt() + ") could not start: " + e.getMessage());
            return new Outcome(false, false, -1, dir.toString(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, true, -1, dir.toString(), null);
        } finally {
            running.remove(key);
        }
    }

    private FileBatch pull(String coordinator, PullRequest r) {
        return new FileBatch(sync.changed(ConfinedPaths.trialFolder(workDir, coordinator, r.trial()), r.known(),
                r.logOffset()));
    }

    private void release(String coordinator, String trial) {
        Path dir = ConfinedPaths.trialFolder(workDir, coordinator, trial);
        try {
            deleteTree(dir);
        } catch (IOException e) {
            say("cannot delete " + dir + ": " + e.getMessage());
        }
    }

    /** Stops the trials of coordinators that left, and forgets their folders. */
    private final class CoordinatorWatch implements MembershipListener {
        @Override
        public void memberAdded(MembershipEvent e) {
            if (ClusterMember.isCoordinator(e.getMember())) {
                say("coordinator " + ClusterMember.name(e.getMember()) + " joined");
            }
        }

        @Override
        public void memberRemoved(MembershipEvent e) {
            Member m = e.getMember();
            String uuid = m.getUuid().toString();
            running.values().stream().filter(r -> r.coordinator().equals(uuid) && r.process() != null).forEach(r -> {
                say(r.trial() + " stops: its coordinator " + ClusterMember.name(m) + " left the cluster");
                r.process().destroy();
            });
            if (ClusterMember.isCoordinator(m)) {
                try {
                    deleteTree(ConfinedPaths.confine(workDir, workDir.resolve(ConfinedPaths.memberId(uuid))));
                } catch (IOException | IllegalArgumentException ex) {
                    // a trial JVM may still be writing there; the folder is scratch either way
                }
            }
        }
    }

    private void say(String message) {
        log.println("[" + LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + message);
        log.flush();
    }

    /** Blocks until this member leaves the cluster (Ctrl-C shuts it down). */
    public void awaitShutdown() throws InterruptedException {
        while (hz.getLifecycleService().isRunning()) {
            Thread.sleep(1000);
        }
    }

    @Override
    public void close() {
        stopping = true;
        running.values().stream().filter(r -> r.process() != null).forEach(r -> r.process().destroy());
        hz.shutdown();
        current = null;
    }

    /** Deletes a scratch folder, ignoring what cannot be deleted. */
    public static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // scratch: the system's temp cleaner gets the rest
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
