package dev.naslab.core.trial;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.progress.ProgressDisplay;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The default executor: each trial in its own child JVM ({@link TrialProcess}) on this machine,
 * {@code lanes} at once; output to {@code <trial>/trial.log}, progress to the display, state to
 * {@link StatusBoard}. A crashed trial is reported as failed with its log path while the others go on.
 */
public final class LocalTrialExecutor implements TrialExecutor {

    /** The member name the status board shows for trials run here. */
    public static final String MEMBER = "local";

    private final Path output;
    private final int lanes;
    private final int threads;
    private final ProgressDisplay display;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    public LocalTrialExecutor(Path output, int lanes, int threads, ProgressDisplay display) {
        this.output = output;
        this.lanes = lanes;
        this.threads = threads;
        this.display = display;
    }

    @Override
    public List<TrialResult> run(List<TrialSpec> trials) throws InterruptedException {
        // Ctrl-C or a kill of the coordinator: take the trial JVMs down too (they also watch their stdin)
        Thread stopTrials = new Thread(() -> running.forEach(Process::destroy), "stop-trials");
        Runtime.getRuntime().addShutdownHook(stopTrials);
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        try (StatusBoard board = StatusBoard.open(output, trials, MEMBER)) {
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (TrialSpec t : trials) {
                futures.add(pool.submit(() -> runOne(t, board)));
            }
            List<TrialResult> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    TrialResult r = TrialOutcomes.failed(trials.get(i), "coordinator error: " + e.getCause());
                    board.ended(trials.get(i).id(), r);
                    out.add(r);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(stopTrials);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
    }

    private TrialResult runOne(TrialSpec t, StatusBoard board) throws IOException, InterruptedException {
        Path dir = output.resolve(t.id());
        Path resultFile = dir.resolve(TrialOutcomes.RESULT);
        Optional<TrialResult> previous = TrialOutcomes.reusable(dir);
        if (previous.isPresent()) {
            System.out.println("[" + t.id() + "] already done (" + previous.get().status() + "), reusing " + resultFile);
            board.reused(t.id(), previous.get());
            return previous.get();
        }
        Files.createDirectories(dir);
        AtomicFiles.writeJson(dir.resolve(RunLayout.TRIAL_SPEC), t);
        Path log = dir.resolve(RunLayout.TRIAL_LOG);
        board.running(t.id(), MEMBER, null);
        Process p = TrialProcess.start(dir, threads);
        running.add(p);
        int code;
        try {
            TrialProcess.pump(p, log, (phase, total, done, note) -> display.update(t.id(), phase, total, done, note));
        } finally {
            code = p.waitFor(); // also when reading its output failed
            running.remove(p);
            display.finish(t.id());
        }
        TrialResult r;
        if (Files.isRegularFile(resultFile)) {
            r = TrialOutcomes.read(resultFile);
        } else {
            r = TrialOutcomes.failed(t, code != 0 ? "trial process exited with code " + code + "; see " + log
                    : "trial wrote no result; see " + log);
            AtomicFiles.writeJson(resultFile, r);
        }
        board.ended(t.id(), r);
        return r;
    }
}
