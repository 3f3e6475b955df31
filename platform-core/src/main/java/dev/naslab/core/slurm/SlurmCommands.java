package dev.naslab.core.slurm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Slurm's user commands ({@code sbatch}, {@code squeue}, {@code sacct}, {@code scancel}) run as a user would run
 * them, with the environment of this JVM ({@code SLURM_CONF} and the rest). A command that fails becomes a
 * {@link SlurmException} with what Slurm printed, line for line.
 */
public class SlurmCommands {

    /** A job as Slurm reports it. */
    public record Job(String id, String state, String node, String reason) {
    }

    /** Job ids as {@code sbatch --parsable} prints them (an array element has {@code _index}). */
    public static final Pattern JOB_ID = Pattern.compile("[0-9]{1,18}(_[0-9]{1,9})?");

    private static final long TIMEOUT_SECONDS = 120;

    private final String path;

    /** Slurm's commands as this JVM's PATH finds them. */
    public SlurmCommands() {
        this(System.getenv("PATH"));
    }

    /** Slurm's commands as {@code path} (a PATH value) finds them. */
    public SlurmCommands(String path) {
        this.path = path == null ? "" : path;
    }

    /** Fails with a clear message unless {@code sbatch}, {@code squeue} and {@code scancel} are on the PATH. */
    public void requireCommands() {
        for (String c : List.of("sbatch", "squeue", "scancel")) {
            if (find(path, c).isEmpty()) {
                throw new SlurmException("--slurm needs Slurm's commands on the PATH, and " + c + " is not on it (PATH="
                        + path + "); run naslab on a machine that submits jobs (a login node)");
            }
        }
    }

    /** Submits {@code script}; returns the job id. */
    public String submit(Path script) {
        String out = check(run(List.of("sbatch", "--parsable", script.toString())), "sbatch " + script).strip();
        String id = out.lines().reduce((a, b) -> b).orElse("");
        int semicolon = id.indexOf(';'); // "id;cluster" on a multi-cluster set-up
        id = semicolon < 0 ? id : id.substring(0, semicolon);
        if (!JOB_ID.matcher(id).matches()) {
            throw new SlurmException("sbatch " + script + " printed '" + out + "', not a job id");
        }
        return id;
    }

    /** {@code sbatch --test-only}: what Slurm says of {@code script} without submitting it (partition, account, limits). */
    public String testOnly(Path script) {
        Result r = run(List.of("sbatch", "--test-only", script.toString()));
        check(r, "sbatch --test-only " + script);
        return r.err.strip();
    }

    /**
     * The jobs among {@code ids} that Slurm still knows: {@code squeue} (which forgets a job some minutes after
     * it ends), then {@code sacct} for the rest where accounting is on. Empty when Slurm cannot be asked right
     * now (a restarting controller): the caller asks again later rather than taking a job for lost.
     */
    public Optional<Map<String, Job>> jobs(Collection<String> ids) {
        Map<String, Job> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return Optional.of(out);
        }
        Result q = run(List.of("squeue", "--noheader", "--states=all", "--jobs=" + String.join(",", ids),
                "--format=%i|%T|%N|%r"));
        if (q.code != 0 && !q.err.contains("Invalid job id")) {
            return Optional.empty();
        }
        parse(q.out, out);
        List<String> missing = ids.stream().filter(id -> !out.containsKey(id)).toList();
        if (!missing.isEmpty() && find(path, "sacct").isPresent()) {
            Result a = run(List.of("sacct", "--noheader", "--parsable2", "--allocations", "--jobs="
                    + String.join(",", missing), "--format=JobID,State,NodeList,Reason"));
            if (a.code == 0) {
                parse(a.out, out);
            }
        }
        return Optional.of(out);
    }

    private static void parse(String text, Map<String, Job> out) {
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length >= 2 && JOB_ID.matcher(f[0]).matches()) {
                out.put(f[0], new Job(f[0], JobState.name(f[1]), f.length > 2 && !f[2].isBlank() ? f[2] : null,
                        f.length > 3 ? f[3] : null));
            }
        }
    }

    /** Cancels {@code ids}; says on standard error what {@code scancel} said if it could not. */
    public void cancel(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("scancel"));
        cmd.addAll(ids);
        Result r = run(cmd);
        if (r.code != 0) {
            System.err.println("naslab: scancel " + String.join(" ", ids) + ": " + said(r));
        }
    }

    /** A finished command. */
    protected record Result(int code, String out, String err) {
    }

    /** Runs {@code cmd}; a command that cannot be started or hangs is a {@link SlurmException}. */
    protected Result run(List<String> cmd) {
        try {
            Path out = Files.createTempFile("naslab-slurm", ".out");
            Path err = Files.createTempFile("naslab-slurm", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new SlurmException(cmd.get(0) + " did not answer within " + TIMEOUT_SECONDS + " s ("
                            + String.join(" ", cmd) + ")");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new SlurmException("cannot run " + cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException(cmd.get(0) + " was interrupted");
        }
    }

    private static String check(Result r, String what) {
        if (r.code != 0) {
            throw new SlurmException(what + " failed: " + said(r));
        }
        return r.out;
    }

    /** What Slurm printed, its lines joined with "; " (standard error first). */
    static String said(Result r) {
        String text = (r.err.strip() + "\n" + r.out.strip()).strip();
        return text.isEmpty() ? "exit code " + r.code : String.join("; ", text.lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList());
    }

    /** Where {@code command} is on this JVM's PATH. */
    public static Optional<Path> onPath(String command) {
        return find(System.getenv("PATH"), command);
    }

    private static Optional<Path> find(String path, String command) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
