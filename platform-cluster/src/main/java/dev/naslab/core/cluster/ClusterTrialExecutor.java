package dev.naslab.core.cluster;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.TrialStatus;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
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
import dev.naslab.core.progress.ProgressDisplay;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.trial.StatusBoard;
import dev.naslab.core.trial.TrialExecutor;
import dev.naslab.core.trial.TrialOutcomes;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator's executor: places trials on workers with free slots (and every plugin the
 * experiment needs), pulls each running trial's new files every few seconds into the output folder,
 * records each result once, and re-runs the trials of a lost member elsewhere from the newest
 * checkpoint received. All decisions happen on the calling thread, one event at a time.
 */
public final class ClusterTrialExecutor implements TrialExecutor {

    /** A member lost this often while running one trial: the trial fails instead of moving again. */
    static final int MAX_ATTEMPTS = 5;

    private sealed interface Event permits Finished, Pulled, MembersChanged, Greeted {
    }

    private record Finished(Attempt attempt, Envelope reply, Throwable error) implements Event {
    }

    private record Pulled(Attempt attempt, String nonce, Envelope reply, Throwable error) implements Event {
    }

    /** A worker's answer to the greeting that asks it to prove it holds the token. */
    private record Greeted(Member member, String nonce, Envelope reply, Throwable error) implements Event {
    }

    private record MembersChanged(Member member, boolean joined) implements Event {
    }

    /** A trial waiting to be placed. */
    private record Pending(TrialSpec spec, int attempt) {
    }

    /** A trial placed on a member. */
    private static final class Attempt {
        final TrialSpec spec;
        final int number;
        final Member member;
        final String memberName;
        long lastPull = System.nanoTime();
        boolean pulling;
        long logOffset;
        String runNonce;

        Attempt(TrialSpec spec, int number, Member member) {
            this.spec = spec;
            this.number = number;
            this.member = member;
            this.memberName = ClusterMember.name(member);
        }

        String label() {
            return spec.id() + " @ " + memberName;
        }
    }

    private final HazelcastInstance hz;
    private final String self;
    private final String address;
    private final Path output;
    private final int threads;
    private final Map<String, PluginStamp> needed;
    private final ProgressDisplay display;
    private final long pullNanos;
    private final PrintStream out;
    private final FolderSync sync = new FolderSync();
    private final MessageAuth auth;
    /** Workers by whether they proved they hold the token: absent = not asked yet, null value = asked. */
    private final Map<UUID, Boolean> verified = new HashMap<>();
    /** Greetings a worker declined (it was still starting); past {@link #GREETINGS} it gets no trial. */
    private final Map<UUID, Integer> greetRefusals = new HashMap<>();
    private static final int GREETINGS = 30;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, Attempt> running = new LinkedHashMap<>();
    private final Map<UUID, Long> busyUntil = new HashMap<>();
    private final Map<UUID, String> refusals = new HashMap<>();
    private String lastWait;

    /**
     * @param coordinator  the coordinator's member ({@link ClusterCoordinator})
     * @param needed       the plugins the experiment's components come from
     * @param pullSeconds  how often a running trial's new files are fetched
     */
    public ClusterTrialExecutor(ClusterCoordinator coordinator, Path output, int threads,
            Map<String, PluginStamp> needed, ProgressDisplay display, int pullSeconds, PrintStream out) {
        this.hz = coordinator.instance();
        this.self = hz.getCluster().getLocalMember().getUuid().toString();
        this.auth = coordinator.auth();
        this.address = coordinator.address();
        this.output = output;
        this.threads = threads;
        this.needed = needed;
        this.display = display;
        this.pullNanos = TimeUnit.SECONDS.toNanos(pullSeconds);
        this.out = out;
    }

    @Override
    public List<TrialResult> run(List<TrialSpec> trials) throws InterruptedException {
        Map<String, TrialResult> results = new HashMap<>();
        Deque<Pending> queue = new ArrayDeque<>();
        UUID membersListener = hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                events.add(new MembersChanged(e.getMember(), true));
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                events.add(new MembersChanged(e.getMember(), false));
            }
        });
        ITopic<Envelope> topic = hz.getTopic(ClusterMember.PROGRESS_TOPIC);
        UUID progressListener = topic.addMessageListener(m -> showProgress(m.getMessageObject()));
        try (StatusBoard board = StatusBoard.open(output, trials, "cluster " + address)) {
            for (TrialSpec t : trials) {
                Optional<TrialResult> previous = reusable(t);
                if (previous.isPresent()) {
                    out.println("[" + t.id() + "] already done (" + previous.get().status() + "), reusing "
                            + output.resolve(t.id()).resolve(TrialOutcomes.RESULT));
                    board.reused(t.id(), previous.get());
                    results.put(t.id(), previous.get());
                } else {
                    queue.add(new Pending(t, 1));
                }
            }
            describeMembers();
            while (!queue.isEmpty() || !running.isEmpty()) {
                place(queue, board);
                Event e = events.poll(1, TimeUnit.SECONDS);
                if (e instanceof Finished f) {
                    finished(f, queue, results, board);
                } else if (e instanceof Pulled p) {
                    pulled(p);
                } else if (e instanceof MembersChanged m) {
                    membersChanged(m);
                } else if (e instanceof Greeted g) {
                    greeted(g);
                }
                pullDue();
            }
        } finally {
            hz.getCluster().removeMembershipListener(membersListener);
            topic.removeMessageListener(progressListener);
        }
        return trials.stream().map(t -> results.get(t.id())).toList();
    }

    private Optional<TrialResult> reusable(TrialSpec t) {
        try {
            return TrialOutcomes.reusable(output.resolve(t.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the result of " + t.id() + ": " + e.getMessage(), e);
        }
    }

    // ---- placement ----------------------------------------------------------------------------

    private void place(Deque<Pending> queue, StatusBoard board) {
        while (!queue.isEmpty()) {
            Optional<Member> target = workers().stream().filter(m -> refusal(m) == null && free(m) > 0)
                    .max(Comparator.comparingInt(this::free).thenComparing(ClusterMember::name,
                            Comparator.reverseOrder()));
            if (target.isEmpty()) {
                break;
            }
            launch(queue.poll(), target.get(), board);
        }
        boolean greeting = workers().stream().anyMatch(m -> verified.containsKey(m.getUuid())
                && verified.get(m.getUuid()) == null);
        if (!queue.isEmpty() && running.isEmpty() && !greeting) {
            List<String> why = workers().stream().map(m -> ClusterMember.name(m) + " "
                    + Optional.ofNullable(refusal(m)).orElse("is busy")).toList();
            String wait = "naslab: cluster: " + queue.size() + " trial(s) wait for a worker that can run them"
                    + (why.isEmpty() ? " (no worker is in the cluster)" : ": " + String.join("; ", why))
                    + "; start one with: naslab worker --join " + address;
            if (!wait.equals(lastWait)) {
                out.println(wait);
                lastWait = wait;
            }
        }
    }

    private List<Member> workers() {
        return hz.getCluster().getMembers().stream().filter(ClusterMember::isWorker).toList();
    }

    private int free(Member m) {
        Long until = busyUntil.get(m.getUuid());
        if (until != null && until - System.nanoTime() > 0) {
            return 0;
        }
        long used = running.values().stream().filter(a -> a.member.getUuid().equals(m.getUuid())).count();
        return ClusterMember.slots(m, threads) - (int) used;
    }

    /** Why {@code m} gets no trial of this experiment, or null. */
    private String refusal(Member m) {
        if (!Boolean.TRUE.equals(verified.get(m.getUuid())) && !refusals.containsKey(m.getUuid())) {
            greet(m);
            return "has not yet shown that it holds the cluster token";
        }
        return refusals.computeIfAbsent(m.getUuid(), u -> {
            String version = m.getAttribute(ClusterMember.VERSION);
            if (!ClusterMember.naslabVersion().equals(version)) {
                return "runs naslab " + version + ", this coordinator " + ClusterMember.naslabVersion();
            }
            List<String> lacks = PluginInventory.lacking(needed,
                    PluginInventory.decode(m.getAttribute(ClusterMember.PLUGINS)));
            return lacks.isEmpty() ? null : "lacks " + String.join(", ", lacks);
        });
    }

    private void describeMembers() {
        for (Member m : workers()) {
            greet(m);
        }
    }

    /** Asks {@code m} to prove it holds the token; it gets no trial before it has. */
    private void greet(Member m) {
        if (verified.containsKey(m.getUuid())) {
            return;
        }
        verified.put(m.getUuid(), null);
        Envelope hello = auth.seal(Kind.HELLO, m.getUuid().toString(), null, new Hello(ClusterMember.naslabVersion()));
        hz.getExecutorService(ClusterMember.FILES_EXECUTOR).submitToMember(new SignedTask(hello), m,
                callback(r -> new Greeted(m, hello.nonce, r, null), e -> new Greeted(m, hello.nonce, null, e)));
    }

    private void greeted(Greeted g) {
        UUID id = g.member().getUuid();
        if (!stillMember(g.member())) {
            return;
        }
        if (g.error() != null) {
            distrust(g.member(), "did not answer the greeting (" + rootMessage(g.error()) + ")");
            return;
        }
        if (g.reply() != null && Kind.REFUSED.name().equals(g.reply().kind)
                && greetRefusals.merge(id, 1, Integer::sum) <= GREETINGS) {
            verified.remove(id); // a worker still starting refuses until it is ready: greet it again
            return;
        }
        try {
            auth.open(g.reply(), Kind.HELLO_REPLY, Hello.class, u -> u.equals(id.toString()), g.nonce());
            verified.put(id, true);
            lastWait = null;
            describe(g.member());
        } catch (MessageAuth.Refused r) {
            distrust(g.member(), "failed the token check: " + r.getMessage());
        }
    }

    /** {@code m} gets no more trials of this run, and the user reads why. */
    private void distrust(Member m, String why) {
        verified.put(m.getUuid(), false);
        refusals.put(m.getUuid(), why);
        out.println("naslab: cluster: member " + ClusterMember.name(m) + " gets no trial: it " + why);
    }

    private void describe(Member m) {
        String r = refusal(m);
        out.println("naslab: cluster: member " + ClusterMember.name(m) + (r == null
                ? ": " + ClusterMember.slots(m, threads) + " slot(s) of " + threads + " thread(s)"
                : " gets no trial: it " + r));
    }

    private void launch(Pending p, Member member, StatusBoard board) {
        TrialSpec t = p.spec();
        Path dir = output.resolve(t.id());
        Attempt a = new Attempt(t, p.attempt(), member);
        List<FileBlob> files;
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeJson(dir.resolve(FolderSync.SPEC), t);
            files = sync.resumeFiles(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        String from = newestCheckpoint(dir).map(c -> ", resuming from " + c).orElse("");
        String note = (p.attempt() > 1 ? "attempt " + p.attempt() : "") + from;
        appendLog(dir, "naslab: attempt " + p.attempt() + " on member " + a.memberName + from + " at "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        running.put(t.id(), a);
        board.running(t.id(), a.memberName, note.isEmpty() ? null : note.replaceFirst("^, ", ""));
        out.println("[" + t.id() + "] runs on " + a.memberName + (note.isEmpty() ? "" : " (" + note.replaceFirst("^, ",
                "") + ")"));
        String spec;
        try {
            spec = Mappers.JSON.writeValueAsString(t);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Envelope job = auth.seal(Kind.RUN, member.getUuid().toString(), null,
                new Assignment(t.id(), p.attempt(), spec, threads, files));
        a.runNonce = job.nonce;
        IExecutorService trialsExec = hz.getExecutorService(ClusterMember.TRIALS_EXECUTOR);
        trialsExec.submitToMember(new SignedTask(job), member, callback(o -> new Finished(a, o, null),
                e -> new Finished(a, null, e)));
    }

    // ---- files --------------------------------------------------------------------------------

    private void pullDue() {
        long now = System.nanoTime();
        for (Attempt a : running.values()) {
            if (!a.pulling && now - a.lastPull >= pullNanos) {
                a.pulling = true;
                Envelope req = request(a);
                hz.getExecutorService(ClusterMember.FILES_EXECUTOR).submitToMember(new SignedTask(req),
                        a.member, callback(b -> new Pulled(a, req.nonce, b, null), e -> new Pulled(a, req.nonce, null, e)));
            }
        }
    }

    private Envelope request(Attempt a) {
        return auth.seal(Kind.PULL, a.member.getUuid().toString(), null, new PullRequest(a.spec.id(), a.number,
                sync.manifest(output.resolve(a.spec.id())), a.logOffset));
    }

    /** The payload of a worker's reply to {@code nonce}, or empty (said, and the member distrusted) when it fails the checks. */
    private <T> Optional<T> opened(Attempt a, Envelope reply, Kind kind, Class<T> type, String nonce) {
        try {
            return Optional.of(auth.open(reply, kind, type, u -> u.equals(a.member.getUuid().toString()), nonce));
        } catch (MessageAuth.Refused r) {
            out.println("naslab: cluster: refused a reply of member " + a.memberName + " for " + a.spec.id() + ": "
                    + r.getMessage());
            if (!Boolean.FALSE.equals(verified.get(a.member.getUuid()))) {
                distrust(a.member, "sent a reply that failed the token check");
            }
            return Optional.empty();
        }
    }

    private void pulled(Pulled p) {
        Attempt a = p.attempt();
        if (running.get(a.spec.id()) != a) {
            return; // the attempt ended; its final pull has the newest files
        }
        a.pulling = false;
        a.lastPull = System.nanoTime();
        if (p.error() == null) {
            opened(a, p.reply(), Kind.FILES, FileBatch.class, p.nonce()).ifPresent(b -> {
                String bad = apply(a, b);
                if (bad != null) {
                    out.println("naslab: cluster: " + a.label() + ": " + bad + " (the attempt goes on; its end decides)");
                }
            });
        }
    }

    /** Writes the files of {@code batch} into the trial folder; says what could not be written, or null. */
    private String apply(Attempt a, FileBatch batch) {
        Path dir = output.resolve(a.spec.id());
        for (FileBlob b : batch.files() == null ? List.<FileBlob>of() : batch.files()) {
            try {
                if (b == null || b.bytes() == null) {
                    return "member " + a.memberName + " sent an empty file entry";
                }
                FolderSync.write(dir, b);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                return "member " + a.memberName + " sent a file that was not written: " + e.getMessage();
            }
            if (b.append()) {
                a.logOffset += b.bytes().length;
            }
        }
        return null;
    }

    // ---- endings ------------------------------------------------------------------------------

    private void finished(Finished f, Deque<Pending> queue, Map<String, TrialResult> results, StatusBoard board) {
        Attempt a = f.attempt();
        TrialSpec t = a.spec;
        Path dir = output.resolve(t.id());
        Outcome outcome = null;
        String lostWhy = null;
        if (f.error() == null) {
            Optional<Outcome> o = opened(a, f.reply(), Kind.OUTCOME, Outcome.class, a.runNonce);
            if (o.isEmpty()) {
                lostWhy = "member " + a.memberName + " sent a reply that failed the token check";
            } else {
                outcome = o.get();
            }
        }
        if (outcome != null && outcome.busy()) {
            running.remove(t.id());
            busyUntil.put(a.member.getUuid(), System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            queue.addFirst(new Pending(t, a.number));
            board.requeued(t.id(), a.memberName + " had no free slot (another coordinator's trials?)");
            return;
        }
        boolean distrusted = lostWhy != null;
        if (lostWhy != null) {
            // said by opened()
        } else if (f.error() == null && outcome.stopped()) {
            lostWhy = "member " + a.memberName + " was shut down";
        } else if (f.error() == null && outcome.error() == null) {
            try {
                Envelope req = request(a);
                Envelope last = hz.getExecutorService(ClusterMember.FILES_EXECUTOR)
                        .submitToMember(new SignedTask(req), a.member).get(5, TimeUnit.MINUTES);
                Optional<FileBatch> batch = opened(a, last, Kind.FILES, FileBatch.class, req.nonce);
                lostWhy = batch.isEmpty() ? "member " + a.memberName + " sent files that failed the token check"
                        : apply(a, batch.get());
                distrusted = batch.isEmpty();
            } catch (Exception e) {
                lostWhy = "its files could not be fetched (" + rootMessage(e) + ")";
            }
        } else if (!stillMember(a.member) || memberLoss(f.error())) {
            lostWhy = "member " + a.memberName + " was lost";
        }
        running.remove(t.id());
        display.finish(a.label());
        TrialResult r;
        Path resultFile = dir.resolve(TrialOutcomes.RESULT);
        int number = distrusted ? a.number - 1 : a.number; // a member that fails the token check costs no attempt
        if (Files.isRegularFile(resultFile)) {
            r = readResult(resultFile, outcome, dir, a);
        } else if (lostWhy != null && number < MAX_ATTEMPTS) {
            String note = lostWhy + " at " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "; re-run";
            out.println("[" + t.id() + "] " + lostWhy + "; it runs again on another member"
                    + newestCheckpoint(dir).map(c -> " from " + c).orElse(" from the start"));
            appendLog(dir, "naslab: " + note);
            board.requeued(t.id(), note);
            queue.addFirst(new Pending(t, number + 1));
            return;
        } else if (lostWhy != null) {
            r = TrialOutcomes.failed(t, lostWhy + ", for the " + MAX_ATTEMPTS + "th time; see " + dir.resolve(FolderSync.LOG));
        } else if (f.error() != null) {
            r = TrialOutcomes.failed(t, "on member " + a.memberName + ": " + rootMessage(f.error()));
        } else if (outcome.error() != null) {
            r = TrialOutcomes.failed(t, "on member " + a.memberName + ": " + ConfinedPaths.printable(outcome.error()));
        } else {
            r = TrialOutcomes.failed(t, "trial process exited with code " + outcome.exitCode() + " on member "
                    + a.memberName + "; see " + dir.resolve(FolderSync.LOG));
        }
        if (!Files.isRegularFile(resultFile)) {
            AtomicFiles.writeJson(resultFile, r);
        }
        results.put(t.id(), r);
        board.ended(t.id(), r);
        if (stillMember(a.member) && !distrusted) {
            hz.getExecutorService(ClusterMember.FILES_EXECUTOR).submitToMember(new SignedTask(
                    auth.seal(Kind.RELEASE, a.member.getUuid().toString(), null, new Release(t.id()))), a.member);
        }
    }

    /** The result the worker wrote, its folder's paths in messages turned into this machine's. */
    private TrialResult readResult(Path resultFile, Outcome outcome, Path dir, Attempt a) {
        try {
            String text = Files.readString(resultFile, StandardCharsets.UTF_8);
            if (outcome != null && outcome.folder() != null && outcome.folder().startsWith("/")
                    && outcome.folder().length() > 1) {
                String fixed = text.replace(outcome.folder(), dir.toAbsolutePath().toString());
                if (!fixed.equals(text)) {
                    AtomicFiles.writeString(resultFile, fixed);
                }
                text = fixed;
            }
            TrialResult r = Mappers.JSON.readValue(text, TrialResult.class);
            if (r.status() == TrialStatus.FAILED && r.message() != null && !r.message().startsWith("on member")) {
                r = new TrialResult(r.trial(), r.variant(), r.values(), r.seed(), r.space(), r.optimizer(), r.status(),
                        "on member " + a.memberName + ": " + r.message(), r.searchSeconds(), r.supernetValidAcc(),
                        r.rows());
                AtomicFiles.writeJson(resultFile, r);
            }
            return r;
        } catch (IOException e) {
            TrialResult failed = TrialOutcomes.failed(a.spec, "member " + a.memberName + " left an unreadable "
                    + resultFile + " (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
            AtomicFiles.writeJson(resultFile, failed);
            return failed;
        }
    }

    private boolean stillMember(Member m) {
        return hz.getCluster().getMembers().stream().anyMatch(x -> x.getUuid().equals(m.getUuid()));
    }

    private void membersChanged(MembersChanged m) {
        if (!ClusterMember.isWorker(m.member())) {
            return;
        }
        if (m.joined()) {
            lastWait = null;
            greet(m.member());
        } else {
            verified.remove(m.member().getUuid());
            greetRefusals.remove(m.member().getUuid());
            refusals.remove(m.member().getUuid());
            busyUntil.remove(m.member().getUuid());
            out.println("naslab: cluster: member " + ClusterMember.name(m.member()) + " left");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void showProgress(Envelope e) {
        if (e == null || !self.equals(e.target)) {
            return; // another coordinator's
        }
        ProgressNote n;
        try {
            n = auth.open(e, Kind.PROGRESS, ProgressNote.class, u -> running.values().stream()
                    .anyMatch(a -> a.member.getUuid().toString().equals(u)), null);
        } catch (MessageAuth.Refused r) {
            return; // progress is only shown: an unsigned or stray note is dropped
        }
        display.update(n.trial() + " @ " + n.member(), n.phase(), n.total(), n.done(), n.note());
    }

    private static Optional<String> newestCheckpoint(Path dir) {
        try {
            return RunLayout.checkpoints(RunLayout.search(dir)).stream().filter(p -> Files.isRegularFile(p.resolve("state.json"))).reduce((a, b) -> b)
                    .map(p -> p.getFileName().toString());
        } catch (java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void appendLog(Path dir, String line) {
        try {
            Files.writeString(dir.resolve(FolderSync.LOG), line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FolderSync.LOG) + ": " + e.getMessage(), e);
        }
    }

    private <T> ExecutionCallback<T> callback(java.util.function.Function<T, Event> ok,
            java.util.function.Function<Throwable, Event> failed) {
        return new ExecutionCallback<>() {
            @Override
            public void onResponse(T response) {
                events.add(ok.apply(response));
            }

            @Override
            public void onFailure(Throwable t) {
                events.add(failed.apply(t));
            }
        };
    }

    /** Hazelcast's ways of saying the target member is gone. */
    private static boolean memberLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.hazelcast.core.MemberLeftException
                    || t instanceof com.hazelcast.spi.exception.TargetNotMemberException
                    || t instanceof com.hazelcast.core.HazelcastInstanceNotActiveException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
