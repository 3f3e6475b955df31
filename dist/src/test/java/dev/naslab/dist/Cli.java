package dev.naslab.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the assembled {@code bin/naslab} launcher, as a user would, capturing its output. */
final class Cli {

    static final Path DIST = Path.of(System.getProperty("naslab.dist", "target/naslab")).toAbsolutePath();
    static final Path ROOT = Path.of(System.getProperty("naslab.root", "..")).toAbsolutePath().normalize();

    /**
     * A finished command.
     *
     * @param code exit code
     * @param out  standard output
     * @param err  standard error
     */
    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(java.util.Map.of(), args);
    }

    /**
     * Starts the launcher in the background (output to {@code log}), for tests that interrupt or kill
     * a run; the caller waits for it and cleans up.
     */
    static Process start(Path log, String... args) throws IOException {
        return start(java.util.Map.of(), log, args);
    }

    /** {@link #start(Path, String...)} with extra environment variables. */
    static Process start(java.util.Map<String, String> env, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(DIST.resolve("bin/naslab").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectOutput(log.toFile())
                .redirectErrorStream(true);
        pb.environment().remove("NASLAB_PLUGINS");
        pb.environment().put("NASLAB_TRIAL_JAVA_OPTS", "-Xmx2g");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs with extra environment variables (e.g. {@code NASLAB_CACHE} for a test's own calibration cache). */
    static Result run(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(DIST.resolve("bin/naslab").toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("naslab-out", ".txt");
        Path err = Files.createTempFile("naslab-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("NASLAB_PLUGINS");
        pb.environment().put("NASLAB_JAVA_OPTS", "-Xmx2g");
        pb.environment().put("NASLAB_TRIAL_JAVA_OPTS", "-Xmx2g");
        pb.environment().putAll(env);
        Process p = pb.start();
        int code = p.waitFor();
        Result r = new Result(code, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /**
     * Ctrl-C's signal, unless this JVM was started with SIGINT ignored (from a shell's background job without job
     * control, as {@code bash .ci/run &} does): a child inherits that, and a JVM that finds SIGINT ignored keeps ignoring
     * it, as a terminal's Ctrl-C never reaches such a process anyway. SIGTERM then takes the same path (the JVM's
     * shutdown hooks).
     */
    static String ctrlCSignal() throws IOException {
        String ignored = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("SigIgn:"))
                .map(l -> l.substring("SigIgn:".length()).strip()).findFirst().orElse("0");
        return (Long.parseUnsignedLong(ignored, 16) & (1L << 1)) != 0 ? "-TERM" : "-INT";
    }
}
