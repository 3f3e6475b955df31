package dev.naslab.core.trial;

import dev.naslab.core.config.Mappers;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.progress.ProgressDisplay;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.ResultRow;
import dev.naslab.core.results.TrialResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The coordinator: runs each trial in its own child JVM ({@link TrialMain}), {@code parallel} at
 * once, streams their output to {@code <trial>/trial.log} and their progress to the display, and
 * collects {@code result.json}. A finished trial is not run again; a crashed one is reported as
 * failed with its log path while the others go on.
 */
public final class TrialRunner {

    private final Path output;
    private final int parallel;
    private final int threads;
    private final ProgressDisplay display;
    private final java.util.Set<Process> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public TrialRunner(Path output, int parallel, int threads, ProgressDisplay display) {
        this.output = output;
        this.parallel = parallel;
        this.threads = threads;
        this.display = display;
    }

    public List<TrialResult> run(List<TrialSpec> trials) throws InterruptedException {
        // Ctrl-C or a kill of the coordinator: take the trial JVMs down too (they also watch their stdin)
        Thread stopTrials = new Thread(() -> running.forEach(Process::destroy), "stop-trials");
        Runtime.getRuntime().addShutdownHook(stopTrials);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (TrialSpec t : trials) {
                futures.add(pool.submit(() -> runOne(t)));
            }
            List<TrialResult> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    out.add(failed(trials.get(i), "coordinator error: " + e.getCause()));
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

    private TrialResult runOne(TrialSpec t) throws IOException, InterruptedException {
        Path dir = output.resolve(t.id());
        Path resultFile = dir.resolve("result.json");
        if (Files.isRegularFile(resultFile)) {
            TrialResult previous = Mappers.JSON.readValue(resultFile.toFile(), TrialResult.class);
            if (!previous.status().equals("failed")) {
                System.out.println("[" + t.id() + "] already done (" + previous.status() + "), reusing " + resultFile);
                return previous;
            }
            Files.delete(resultFile);
        }
        Files.createDirectories(dir);
        AtomicFiles.writeJson(dir.resolve("trial.json"), t);
        Path log = dir.resolve("trial.log");
        ProcessBuilder pb = new ProcessBuilder(command(dir)).redirectErrorStream(true);
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        Process p = pb.start();
        running.add(p);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(LineProgress.PREFIX)) {
                    String[] f = line.substring(LineProgress.PREFIX.length()).split("\t", -1);
                    if (f.length >= 4) {
                        display.update(t.id(), f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]);
                    }
                } else {
                    w.println(line);
                    w.flush();
                }
            }
        } finally {
            int code = p.waitFor();
            running.remove(p);
            display.finish(t.id());
            if (code != 0 && !Files.isRegularFile(resultFile)) {
                TrialResult r = failed(t, "trial process exited with code " + code + "; see " + log);
                AtomicFiles.writeJson(resultFile, r);
            }
        }
        if (!Files.isRegularFile(resultFile)) {
            return failed(t, "trial wrote no result; see " + log);
        }
        return Mappers.JSON.readValue(resultFile.toFile(), TrialResult.class);
    }

    private List<String> command(Path dir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv("NASLAB_TRIAL_JAVA_OPTS");
        cmd.addAll(List.of((opts == null || opts.isBlank() ? "-Xmx4g" : opts).trim().split("\\s+")));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.naslab.core.trial.TrialMain");
        cmd.add(dir.toString());
        return cmd;
    }

    /** A failed trial's result with {@code message} (also written by the trial itself when it catches an error). */
    static TrialResult failed(TrialSpec t, String message) {
        return new TrialResult(t.id(), t.variant(), t.values(), t.seed(), t.spaceLabel(), t.searchLabel(),
                "failed", message, Double.NaN, Double.NaN,
                List.of(new ResultRow("-", "-", "", Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, "failed",
                        message)));
    }
}
