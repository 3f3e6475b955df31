package dev.naslab.core.slurm;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.TrialStatus;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.progress.ProgressDisplay;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.trial.StatusBoard;
import dev.naslab.core.trial.TrialExecutor;
import dev.naslab.core.trial.TrialOutcomes;
import dev.naslab.core.trial.TrialProgressFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Trials as Slurm jobs, one job per trial ({@link JobScript}). Jobs are watched through {@link SlurmCommands#jobs};
 * a job Slurm ended for a reason outside the trial's code ({@link JobState#LOST}) is submitted again and resumes
 * from the trial's newest checkpoint, at most {@value #MAX_ATTEMPTS} jobs per trial; a trial whose own code fails
 * ends failed and is not resubmitted. Each result is recorded once, and {@link JobRecord} keeps the jobs so the next
 * run adopts what a detached or dead run left. Ctrl-C cancels the experiment's jobs; {@link #detach} leaves them.
 */
public final class SlurmTrialExecutor implements TrialExecutor {

    /** Jobs per trial before a trial whose jobs keep being lost is reported failed (as on the Hazelcast cluster). */
    public static final int MAX_ATTEMPTS = 5;
    /** How long a job that ended without a result file is given for the file to appear (shared file systems lag). */
    static final long RESULT_GRACE_SECONDS = 15;

    private final SlurmCommands slurm;
    private final Path output;
    private final String experiment;
    private final SlurmSettings settings;
    private final Function<TrialSpec, String> timeLimit;
    private final ProgressDisplay display;
    private final PrintStream out;
    private final Map<String, Track> open = new LinkedHashMap<>();
    /** Trials to submit once fewer than {@link SlurmSettings#maxJobs} jobs are in Slurm. */
    private final java.util.Deque<Track> waiting = new java.util.ArrayDeque<>();
    private final Object submitting = new Object();
    private volatile boolean stopping;
    private StatusBoard board;
    private long resultGraceSeconds = RESULT_GRACE_SECONDS;
    private long pollMillis;

    /** A trial with a job naslab watches. */
    private static final class Track {
        final TrialSpec spec;
        final Path dir;
        JobRecord record;
        Instant endedWithoutResult;

        Track(TrialSpec spec, Path dir, JobRecord record) {
            this.spec = spec;
            this.dir = dir;
            this.record = record;
        }

        String job() {
            return record.open();
        }
    }

    /**
     * @param timeLimit each trial's {@code --time}, or null for the partition's default
     * @param out       where submissions, losses and re-runs are reported
     */
    public SlurmTrialExecutor(SlurmCommands slurm, Path output, String experiment, SlurmSettings settings,
            Function<TrialSpec, String> timeLimit, ProgressDisplay display, PrintStream out) {
        this.slurm = slurm;
        this.output = output.toAbsolutePath();
        this.experiment = experiment;
        this.settings = settings;
        this.timeLimit = timeLimit;
        this.display = display;
        this.out = out;
        this.pollMillis = settings.pollSeconds() * 1000L;
    }

    /** Tests: poll every {@code millis} and wait {@code graceSeconds} for a result file (instead of the defaults). */
    SlurmTrialExecutor quick(long millis, long graceSeconds) {
        this.pollMillis = millis;
        this.resultGraceSeconds = graceSeconds;
        return this;
    }

    /** The trials among {@code trials} this run would submit: no open job to adopt and no result to reuse. */
    public List<TrialSpec> toSubmit(List<TrialSpec> trials) throws IOException {
        List<TrialSpec> s = new ArrayList<>();
        for (TrialSpec t : trials) {
            Path dir = output.resolve(t.id());
            if (JobRecord.read(dir).open() == null && !hasUsableResult(dir)) {
                s.add(t);
            }
        }
        return s;
    }

    private static boolean hasUsableResult(Path dir) throws IOException {
        Path f = dir.resolve(TrialOutcomes.RESULT);
        if (!Files.isRegularFile(f)) {
            return false;
        }
        try {
            TrialResult r = TrialOutcomes.read(f);
            return r != null && r.status() != null && r.status() != TrialStatus.FAILED;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes trial {@code t}'s folder and job script (not submitted); returns the script. */
    public Path writeScript(TrialSpec t) throws IOException {
        Path dir = output.resolve(t.id());
        Files.createDirectories(dir);
        AtomicFiles.writeJson(dir.resolve(RunLayout.TRIAL_SPEC), t);
        Path script = dir.resolve(JobScript.FILE);
        AtomicFiles.writeString(script, JobScript.text(experiment, t, dir, JobScript.workDir(), settings,
                timeLimit.apply(t), JobScript.launcher(dir)));
        return script;
    }

    @Override
    public List<TrialResult> run(List<TrialSpec> trials) throws InterruptedException {
        Thread cancelJobs = new Thread(this::cancelOpenJobs, "cancel-slurm-jobs");
        Runtime.getRuntime().addShutdownHook(cancelJobs);
        Map<String, TrialResult> results = new LinkedHashMap<>();
        try (StatusBoard b = StatusBoard.open(output, trials, "slurm")) {
            board = b;
            start(trials, results);
            watch(results);
            List<TrialResult> inOrder = new ArrayList<>();
            trials.forEach(t -> inOrder.add(results.get(t.id())));
            return inOrder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelJobs);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
    }

    /**
     * Submits (or adopts) every unfinished trial, or as many as {@link SlurmSettings#maxJobs} allows, and returns
     * without waiting: the jobs run on their own, and a later {@code naslab run} collects them (and submits the rest).
     * Returns the number of trials with a job in Slurm.
     */
    public int detach(List<TrialSpec> trials) throws IOException {
        Map<String, TrialResult> results = new LinkedHashMap<>();
        try (StatusBoard b = StatusBoard.open(output, trials, "slurm (detached)")) {
            board = b;
            start(trials, results);
            b.detach();
        }
        return open.size();
    }

    private void start(List<TrialSpec> trials, Map<String, TrialResult> results) throws IOException {
        for (TrialSpec t : trials) {
            Path dir = output.resolve(t.id());
            JobRecord record = JobRecord.read(dir);
            if (record.open() != null) {
                Track track = new Track(t, dir, record);
                synchronized (submitting) {
                    open.put(t.id(), track);
                }
                board.submitted(t.id(), record.open(), record.attempts(), "job " + record.open()
                        + " adopted from an earlier run");
                out.println("[" + t.id() + "] job " + record.open() + " from an earlier run: watching it, not submitting "
                        + "again");
                continue;
            }
            Optional<TrialResult> previous = TrialOutcomes.reusable(dir);
            if (previous.isPresent()) {
                out.println("[" + t.id() + "] already done (" + previous.get().status() + "), reusing "
                        + dir.resolve(TrialOutcomes.RESULT));
                board.reused(t.id(), previous.get());
                results.put(t.id(), previous.get());
                continue;
            }
            Track track = new Track(t, dir, record);
            if (settings.maxJobs() > 0 && open.size() >= settings.maxJobs()) {
                waiting.add(track);
            } else {
                submit(track, null);
            }
        }
        if (!waiting.isEmpty()) {
            out.println("naslab: slurm: " + waiting.size() + " trial(s) wait until fewer than " + settings.maxJobs()
                    + " of this experiment's jobs are in Slurm (--max-jobs)");
        }
    }

    /** Fills the free places under {@link SlurmSettings#maxJobs} from the waiting trials. */
    private void submitWaiting() throws IOException {
        while (!waiting.isEmpty() && !stopping && (settings.maxJobs() == 0 || open.size() < settings.maxJobs())) {
            submit(waiting.poll(), null);
        }
    }

    private void submit(Track track, String why) throws IOException {
        Path script = writeScript(track.spec);
        synchronized (submitting) {
            if (stopping) {
                return;
            }
            String id = slurm.submit(script);
            track.record = track.record.submitted(id, now());
            track.record.write(track.dir);
            track.endedWithoutResult = null;
            open.put(track.spec.id(), track);
        }
        int attempt = track.record.attempts();
        board.submitted(track.spec.id(), track.job(), attempt, why);
        out.println("[" + track.spec.id() + "] submitted as Slurm job " + track.job()
                + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
    }

    private void watch(Map<String, TrialResult> results) throws IOException, InterruptedException {
        long lastComplaint = 0;
        while (!open.isEmpty() || !waiting.isEmpty()) {
            submitWaiting();
            Thread.sleep(pollMillis);
            List<Track> tracks;
            synchronized (submitting) {
                tracks = new ArrayList<>(open.values());
            }
            Optional<Map<String, SlurmCommands.Job>> known = slurm.jobs(tracks.stream().map(Track::job).toList());
            if (known.isEmpty()) {
                if (System.nanoTime() - lastComplaint > 60_000_000_000L) {
                    out.println("naslab: Slurm does not answer (squeue failed); asking again");
                    lastComplaint = System.nanoTime();
                }
                continue;
            }
            for (Track t : tracks) {
                SlurmCommands.Job job = known.get().get(t.job());
                TrialProgressFile.read(t.dir).ifPresent(p -> display.update(t.spec.id(), p.phase(), p.total(), p.done(),
                        p.note()));
                if (job == null) {
                    ended(t, "UNKNOWN", null, results);
                    continue;
                }
                if (!job.state().equals(t.record.newest().map(JobRecord.Job::state).orElse(""))
                        || job.node() != null && !job.node().equals(t.record.newest().map(JobRecord.Job::node)
                                .orElse(null))) {
                    t.record = t.record.seen(t.job(), job.state(), job.node());
                    t.record.write(t.dir);
                }
                if (JobState.of(job.state()) == JobState.ACTIVE) {
                    board.jobSeen(t.spec.id(), job.state(), job.state().equals("RUNNING")
                            || job.state().equals("COMPLETING") ? job.node() : null);
                } else {
                    board.jobEnded(t.spec.id(), job.state());
                    ended(t, job.state(), job.node(), results);
                }
            }
        }
    }

    /** A job Slurm no longer runs: record the trial's result, or submit it again when the job was lost. */
    private void ended(Track t, String state, String node, Map<String, TrialResult> results) throws IOException {
        Path resultFile = t.dir.resolve(TrialOutcomes.RESULT);
        String job = t.job();
        if (Files.isRegularFile(resultFile)) {
            finish(t, TrialOutcomes.read(resultFile), results);
            return;
        }
        boolean lost = state.equals("UNKNOWN") || JobState.of(state) == JobState.LOST;
        if (!lost) {
            // the trial JVM writes its result before it exits, failed or not; give a shared file system time to show it
            if (t.endedWithoutResult == null) {
                t.endedWithoutResult = Instant.now();
            }
            if (Instant.now().isBefore(t.endedWithoutResult.plusSeconds(resultGraceSeconds))) {
                return;
            }
            String why = "Slurm job " + job + " ended " + state + (node == null ? "" : " on " + node)
                    + " without a result" + (state.equals("OUT_OF_MEMORY") ? " (raise --mem)" : "") + "; see "
                    + t.dir.resolve(RunLayout.TRIAL_LOG);
            TrialResult r = TrialOutcomes.failed(t.spec, why);
            AtomicFiles.writeJson(resultFile, r);
            finish(t, r, results);
            return;
        }
        String what = state.equals("UNKNOWN") ? "Slurm no longer knows job " + job + " and it left no result"
                : "Slurm ended job " + job + " " + state + (node == null ? "" : " on " + node);
        if (t.record.attempts() >= MAX_ATTEMPTS) {
            TrialResult r = TrialOutcomes.failed(t.spec, what + ", its " + MAX_ATTEMPTS + "th job; see "
                    + t.dir.resolve(RunLayout.TRIAL_LOG));
            AtomicFiles.writeJson(resultFile, r);
            finish(t, r, results);
            return;
        }
        String resume = newestCheckpoint(t.dir).map(c -> "resumes from " + c).orElse("starts again (no checkpoint yet)");
        String note = what + "; attempt " + (t.record.attempts() + 1) + " " + resume;
        appendToLog(t.dir, "naslab: " + note + " (" + now() + ")");
        out.println("[" + t.spec.id() + "] " + note);
        synchronized (submitting) {
            open.remove(t.spec.id());
        }
        submit(t, note);
    }

    private void finish(Track t, TrialResult r, Map<String, TrialResult> results) {
        t.record = t.record.collected();
        t.record.write(t.dir);
        synchronized (submitting) {
            open.remove(t.spec.id());
        }
        display.finish(t.spec.id());
        board.ended(t.spec.id(), r);
        results.put(t.spec.id(), r);
    }

    /** Ctrl-C or a kill of this JVM (not kill -9): cancel the jobs this run watches, so nothing runs unwatched. */
    private void cancelOpenJobs() {
        List<Track> tracks;
        synchronized (submitting) {
            stopping = true;
            tracks = new ArrayList<>(open.values());
        }
        if (tracks.isEmpty()) {
            return;
        }
        List<String> ids = tracks.stream().map(Track::job).toList();
        slurm.cancel(ids);
        for (Track t : tracks) {
            t.record = t.record.collected();
            t.record.write(t.dir);
            board.cancelled(t.spec.id());
        }
        System.err.println("naslab: cancelled the experiment's Slurm job(s) " + String.join(", ", ids)
                + "; naslab run submits them again and they resume from their checkpoints");
    }

    private static Optional<String> newestCheckpoint(Path dir) {
        try {
            return RunLayout.checkpoints(RunLayout.search(dir)).stream().reduce((a, b) -> b)
                    .map(p -> p.getFileName().toString());
        } catch (java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void appendToLog(Path dir, String line) {
        try {
            Files.writeString(dir.resolve(RunLayout.TRIAL_LOG), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the line is also printed by the coordinator
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
