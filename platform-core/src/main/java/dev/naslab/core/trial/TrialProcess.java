package dev.naslab.core.trial;

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

/**
 * A trial's child JVM ({@link TrialMain}) on this machine: started with the host's class path and
 * its thread count, its output split into progress reports and {@code trial.log}. Used by the
 * local executor and by cluster workers alike.
 */
public final class TrialProcess {

    /** Where a child's progress reports go. */
    @FunctionalInterface
    public interface ProgressSink {
        void update(String phase, long total, long done, String note);
    }

    private TrialProcess() {
    }

    /**
     * Starts the child for the trial folder {@code dir} (which holds {@code trial.json}) with
     * {@code threads} intra-op threads. Its stdin stays open and unused: the child stops when it
     * closes, i.e. when this JVM dies.
     */
    public static Process start(Path dir, int threads) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(dir)).redirectErrorStream(true);
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        return pb.start();
    }

    /**
     * Reads the child's output until it ends: progress lines to {@code progress}, the rest appended
     * to {@code log}. Returns the child's exit code.
     */
    public static int pump(Process p, Path log, ProgressSink progress) throws IOException, InterruptedException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(LineProgress.PREFIX)) {
                    LineProgress.parse(line).ifPresent(r -> progress.update(r.phase(), r.total(), r.done(), r.note()));
                } else {
                    w.println(line);
                    w.flush();
                }
            }
        }
        return p.waitFor();
    }

    private static List<String> command(Path dir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv("NASLAB_TRIAL_JAVA_OPTS");
        cmd.addAll(List.of((opts == null || opts.isBlank() ? "-Xmx4g" : opts).trim().split("\\s+")));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TrialMain.class.getName());
        cmd.add(dir.toString());
        return cmd;
    }
}
