package dev.naslab.core.trial;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.TrialStatus;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.TrialResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code <output>/status.json}: which trial runs where, which are done, failed or waiting, and
 * whether the coordinator is alive (it rewrites the file every {@link #HEARTBEAT_SECONDS} seconds).
 * Written by every executor; read by {@code naslab status}.
 */
public final class StatusBoard implements AutoCloseable {

    /** The file inside the output folder. */
    public static final String FILE = RunLayout.STATUS;
    /** How often a live coordinator touches the file. */
    public static final int HEARTBEAT_SECONDS = 5;

    /**
     * The run that writes the file.
     *
     * @param executor where trials run: {@code local} or {@code cluster <address>}
     * @param host     the coordinator's host name
     * @param pid      the coordinator's process id
     * @param started  when this run started (ISO-8601)
     * @param updated  the last heartbeat
     * @param finished when it ended, or null while it runs (or after it was killed)
     */
    public record Coordinator(String executor, String host, long pid, String started, String updated,
            String finished) {
    }

    /**
     * One trial's state.
     *
     * @param trial    trial id
     * @param state    where it is ({@link BoardState})
     * @param member   where it runs or ran ({@code local} on one machine, else the member's name)
     * @param attempts how many times this run placed it (re-runs after a lost member count)
     * @param started  when its current or last attempt started
     * @param ended    when it ended
     * @param note     reuse, re-run reasons, a result's status other than ok
     * @param job      the Slurm job id of its current or last attempt, or null off Slurm
     * @param jobState that job's state as Slurm last reported it, or null
     */
    public record Entry(String trial, BoardState state, String member, int attempts, String started, String ended,
            String note, String job, String jobState) {
    }

    /** The whole file. */
    public record Snapshot(Coordinator coordinator, List<Entry> trials) {
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private Coordinator coordinator;
    private final ScheduledExecutorService heartbeat;

    private StatusBoard(Path file, Coordinator coordinator) {
        this.file = file;
        this.coordinator = coordinator;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "status-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the board of a run of {@code trials} into {@code out}; every trial starts pending. */
    public static StatusBoard open(Path out, List<TrialSpec> trials, String executor) {
        Map<String, Entry> previous = new LinkedHashMap<>();
        read(out).ifPresent(s -> s.trials().forEach(e -> previous.put(e.trial(), e)));
        String now = now();
        StatusBoard b = new StatusBoard(out.resolve(FILE), new Coordinator(executor, hostName(),
                ProcessHandle.current().pid(), now, now, null));
        for (TrialSpec t : trials) {
            Entry p = previous.get(t.id());
            b.entries.put(t.id(), new Entry(t.id(), BoardState.PENDING, p == null ? null : p.member(), 0, null, null, null,
                    null, null));
        }
        b.write();
        b.heartbeat.scheduleAtFixedRate(b::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        return b;
    }

    /** A trial whose previous result is reused. */
    public synchronized void reused(String trial, TrialResult r) {
        Entry e = entries.get(trial);
        entries.put(trial, new Entry(trial, state(r), e.member(), 0, null, null, "reused from an earlier run",
                e.job(), e.jobState()));
        write();
    }

    /** A trial started on {@code member}. */
    public synchronized void running(String trial, String member, String note) {
        Entry e = entries.get(trial);
        entries.put(trial, new Entry(trial, BoardState.RUNNING, member, e.attempts() + 1, now(), null, note, null, null));
        write();
    }

    /**
     * A trial's Slurm job {@code job} was submitted, or adopted from an earlier run ({@code attempts} counts
     * the jobs since its last recorded ending); it is queued until Slurm says it runs.
     */
    public synchronized void submitted(String trial, String job, int attempts, String note) {
        entries.put(trial, new Entry(trial, BoardState.QUEUED, null, attempts, now(), null, note, job, "PENDING"));
        write();
    }

    /** Slurm reports a trial's job in {@code jobState} on {@code node} (null while queued); written when it changed. */
    public synchronized void jobSeen(String trial, String jobState, String node) {
        Entry e = entries.get(trial);
        boolean runs = !jobState.equals("PENDING") && node != null;
        BoardState state = runs ? BoardState.RUNNING : BoardState.QUEUED;
        String member = node != null ? node : e.member();
        if (state == e.state() && jobState.equals(e.jobState()) && java.util.Objects.equals(member, e.member())) {
            return;
        }
        entries.put(trial, new Entry(trial, state, member, e.attempts(), e.started(), null, e.note(), e.job(), jobState));
        write();
    }

    /** A trial ended with {@code r}. */
    public synchronized void ended(String trial, TrialResult r) {
        Entry e = entries.get(trial);
        String note = r.status() == TrialStatus.OK ? e.note() : r.status() + (r.message() == null ? "" : ": " + r.message());
        entries.put(trial, new Entry(trial, state(r), e.member(), e.attempts(), e.started(), now(), note, e.job(),
                e.jobState()));
        write();
    }

    /** Slurm reports a trial's job ended in {@code jobState}; its trial's state follows from the result. */
    public synchronized void jobEnded(String trial, String jobState) {
        Entry e = entries.get(trial);
        entries.put(trial, new Entry(trial, e.state(), e.member(), e.attempts(), e.started(), e.ended(), e.note(),
                e.job(), jobState));
        write();
    }

    /** A trial's job was cancelled because its run was interrupted; the next run submits it again. */
    public synchronized void cancelled(String trial) {
        Entry e = entries.get(trial);
        entries.put(trial, new Entry(trial, BoardState.STOPPED, e.member(), e.attempts(), e.started(), null,
                "its job was cancelled when the run was interrupted; naslab run submits it again", e.job(), "CANCELLED"));
        write();
    }

    /** A trial waits to be placed again (its member was lost). */
    public synchronized void requeued(String trial, String note) {
        Entry e = entries.get(trial);
        entries.put(trial, new Entry(trial, BoardState.PENDING, e.member(), e.attempts(), e.started(), null, note, e.job(),
                e.jobState()));
        write();
    }

    private static BoardState state(TrialResult r) {
        return r.status() == TrialStatus.FAILED ? BoardState.FAILED : BoardState.DONE;
    }

    private synchronized void beat() {
        try {
            write();
        } catch (UncheckedIOException e) {
            // a full disk: the next beat tries again; the run itself goes on
        }
    }

    private synchronized void write() {
        Coordinator c = coordinator;
        coordinator = new Coordinator(c.executor(), c.host(), c.pid(), c.started(), now(), c.finished());
        AtomicFiles.writeJson(file, new Snapshot(coordinator, new ArrayList<>(entries.values())));
    }

    /**
     * Marks the run finished when every trial ended (the file stays for {@code naslab status}). A run
     * that stops with trials unended (an error, an interrupt) is not called finished: its running
     * trials are marked {@code stopped} and {@code status} says the run is not running.
     */
    @Override
    public synchronized void close() {
        heartbeat.shutdownNow();
        boolean allEnded = entries.values().stream().allMatch(e -> e.ended() != null || !e.state().unended());
        if (!allEnded) {
            entries.replaceAll((id, e) -> e.state() == BoardState.RUNNING && e.job() == null ? new Entry(id, BoardState.STOPPED,
                    e.member(), e.attempts(), e.started(), null, "its coordinator stopped before it ended; naslab run "
                    + "resumes it", null, null) : e);
        }
        Coordinator c = coordinator;
        coordinator = new Coordinator(c.executor(), c.host(), c.pid(), c.started(), c.updated(),
                allEnded ? now() : null);
        write();
    }

    /**
     * Ends a run that leaves its trials to run on their own ({@code naslab run --slurm --detach}): the file keeps
     * their jobs and states as they are, and no finish time.
     */
    public synchronized void detach() {
        heartbeat.shutdownNow();
        write();
    }


    /** The board a run left in {@code out}, if any. */
    public static Optional<Snapshot> read(Path out) {
        Path f = out.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Mappers.JSON.readValue(f.toFile(), Snapshot.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
