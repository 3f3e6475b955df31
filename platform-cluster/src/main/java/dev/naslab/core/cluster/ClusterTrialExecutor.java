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
        final PulledTrialFolder folder;
        long lastPull = System.nanoTime();
        boolean pulling;
        String runNonce;

        Attempt(TrialSpec spec, int number, Member member, PulledTrialFolder folder) {
            this.spec = spec;
            this.number = number;
            this.member = member;
            this.memberName = ClusterMember.name(member);
            this.folder = folder;
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
    private final ProgressDisplay display;
    private final long pullNanos;
    private final PrintStream out;
    private final FolderSync sync = new FolderSync();
    private final MessageAuth auth;
    private final MemberAdmission admission;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, Attempt> running = new LinkedHashMap<>();
    private final Map<UUID, Long> busyUntil = new HashMap<>();
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
        this.admission = new MemberAdmission(auth, needed, threads, out);
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
        if (!queue.isEmpty() && running.isEmpty() && !admission.awaitingAnswer(workers())) {
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

    /** Why {@code m} gets no trial of this experiment, or null; an unproven worker is greeted. */
    private String refusal(Member m) {
        if (admission.unproven(m)) {
            greet(m);
            return "has not yet shown that it holds the cluster token";
        }
        return admission.refusal(m);
    }

    private void describeMembers() {
        workers().forEach(this::greet);
    }

    /** Asks {@code m} to prove it holds the token; it gets no trial before it has. */
    private void greet(Member m) {
        admission.greeting(m).ifPresent(hello -> hz.getExecutorService(ClusterMember.FILES_EXECUTOR)
                .submitToMember(new SignedTask(hello), m, callback(r -> new Greeted(m, hello.nonce, r, null),
                        e -> new Greeted(m, hello.nonce, null, e))));
    }

    private void greeted(Greeted g) {
        if (stillMember(g.member())) {
            admission.answered(g.member(), g.nonce(), g.reply(), g.error());
            lastWait = null;
        }
    }

    private void launch(Pending p, Member member, StatusBoard board) {
        TrialSpec t = p.spec();
        Path dir = output.resolve(t.id());
        Attempt a = new Attempt(t, p.attempt(), member, new PulledTrialFolder(dir));
        List<FileBlob> files;
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeJson(dir.resolve(FolderSync.SPEC), t);
            files = sync.resumeFiles(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        String from = a.folder.newestCheckpoint().map(c -> ", resuming from " + c).orElse("");
        String note = (p.attempt() > 1 ? "attempt " + p.attempt() : "") + from;
        a.folder.log("naslab: attempt " + p.attempt() + " on member " + a.memberName + from + " at "
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
                sync.manifest(a.folder.dir()), a.folder.logOffset()));
    }

    /** The payload of a worker's reply to {@code nonce}, or empty (said, and the member distrusted) when it fails the checks. */
    private <T> Optional<T> opened(Attempt a, Envelope reply, Kind kind, Class<T> type, String nonce) {
        try {
            return Optional.of(auth.open(reply, kind, type, u -> u.equals(a.member.getUuid().toString()), nonce));
        } catch (MessageAuth.Refused r) {
            out.println("naslab: cluster: refused a reply of member " + a.memberName + " for " + a.spec.id() + ": "
                    + r.getMessage());
            if (!admission.distrusted(a.member)) {
                admission.distrust(a.member, "sent a reply that failed the token check");
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
                String bad = a.folder.write(b, a.memberName);
                if (bad != null) {
                    out.println("naslab: cluster: " + a.label() + ": " + bad + " (the attempt goes on; its end decides)");
                }
            });
        }
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
                        : a.folder.write(batch.get(), a.memberName);
                distrusted = batch.isEmpty();
            } catch (Exception e) {
                lostWhy = "its files could not be fetched (" + AttemptEnding.rootMessage(e) + ")";
            }
        } else if (!stillMember(a.member) || memberLoss(f.error())) {
            lostWhy = "member " + a.memberName + " was lost";
        }
        running.remove(t.id());
        display.finish(a.label());
        int number = distrusted ? a.number - 1 : a.number; // a member that fails the token check costs no attempt
        AttemptEnding.Next next = AttemptEnding.decide(a.folder.hasResult(), lostWhy, number, f.error(), outcome,
                a.memberName, dir.resolve(FolderSync.LOG).toString());
        if (next instanceof AttemptEnding.Again again) {
            String note = again.why() + " at " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "; re-run";
            out.println("[" + t.id() + "] " + again.why() + "; it runs again on another member"
                    + a.folder.newestCheckpoint().map(c -> " from " + c).orElse(" from the start"));
            a.folder.log("naslab: " + note);
            board.requeued(t.id(), note);
            queue.addFirst(new Pending(t, again.attempt()));
            return;
        }
        TrialResult r;
        if (next instanceof AttemptEnding.Fail fail) {
            r = TrialOutcomes.failed(t, fail.message());
            AtomicFiles.writeJson(dir.resolve(TrialOutcomes.RESULT), r);
        } else {
            r = a.folder.readResult(outcome == null ? null : outcome.folder(), a.memberName, t);
        }
        results.put(t.id(), r);
        board.ended(t.id(), r);
        if (stillMember(a.member) && !distrusted) {
            hz.getExecutorService(ClusterMember.FILES_EXECUTOR).submitToMember(new SignedTask(
                    auth.seal(Kind.RELEASE, a.member.getUuid().toString(), null, new Release(t.id()))), a.member);
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
            admission.forget(m.member());
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
}
