package dev.naslab.core.slurm;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-minute job that checks, before any trial is submitted, what naslab needs from the nodes: that they see
 * the output folder (the job writes a file there that this machine then reads) and the folder naslab runs in
 * (the trials' jobs run there, so relative paths resolve as here), Java 17 or newer on their PATH, and the
 * launcher the trial jobs run.
 */
public final class SlurmProbe {

    /** The probe's files in the output folder (rewritten by each run that submits). */
    public static final List<String> FILES = RunLayout.SLURM_PROBE;

    private static final Pattern JAVA_VERSION = Pattern.compile("version \"(\\d+)(\\.[^\"]*)?\"");

    private SlurmProbe() {
    }

    /**
     * Runs the probe in {@code out} with the partition, account and extra options of {@code s}; waits for it
     * (printing on {@code log} while it queues) and fails with what is missing.
     */
    public static void check(SlurmCommands slurm, Path out, SlurmSettings s, String launcher,
            java.io.PrintStream log) throws IOException, InterruptedException {
        check(slurm, out, s, launcher, log, 1000, 15);
    }

    /** {@link #check} asking every {@code pollMillis} and waiting {@code graceSeconds} for the answer file (tests). */
    static void check(SlurmCommands slurm, Path out, SlurmSettings s, String launcher, java.io.PrintStream log,
            long pollMillis, int graceSeconds) throws IOException, InterruptedException {
        JobScript.requirePlain(out);
        Path workDir = JobScript.workDir();
        JobScript.requirePlain(workDir, "the folder naslab runs in");
        String nonce = UUID.randomUUID().toString();
        Path answer = out.resolve(FILES.get(2));
        Files.deleteIfExists(answer);
        List<String> l = new ArrayList<>();
        l.add("#!/bin/bash");
        l.add("# naslab's check that the nodes see " + out + " and run Java 17 (naslab run --slurm)");
        l.add("#SBATCH --job-name=naslab-probe");
        l.add("#SBATCH --chdir=" + workDir);
        l.add("#SBATCH --output=" + out.resolve(FILES.get(1)));
        l.add("#SBATCH --ntasks=1");
        l.add("#SBATCH --cpus-per-task=1");
        l.add("#SBATCH --mem=512M");
        l.add("#SBATCH --time=5");
        if (s.partition() != null) {
            l.add("#SBATCH --partition=" + s.partition());
        }
        if (s.account() != null) {
            l.add("#SBATCH --account=" + s.account());
        }
        s.extraArgs().forEach(a -> l.add("#SBATCH " + a));
        l.add("{");
        l.add("  echo \"nonce " + nonce + "\"");
        l.add("  echo \"node $(hostname)\"");
        l.add("  echo \"cwd $(pwd -P)\"");
        l.add("  echo \"java $(command -v java || echo none)\"");
        l.add("  echo \"java-version $(java -version 2>&1 | head -n 1)\"");
        l.add("  if [ -x " + JobScript.quote(launcher) + " ]; then echo 'launcher ok'; else echo 'launcher missing'; fi");
        l.add("} > " + JobScript.quote(answer.toString()) + ".tmp && mv " + JobScript.quote(answer + ".tmp") + " "
                + JobScript.quote(answer.toString()));
        Path script = out.resolve(FILES.get(0));
        AtomicFiles.writeString(script, String.join("\n", l) + "\n");
        String id = slurm.submit(script);
        log.println("naslab: slurm: probe job " + id + " checks that the nodes see " + out + " and run Java 17 ...");
        String state = "PENDING";
        String node = null;
        long waited = 0;
        while (true) {
            Thread.sleep(pollMillis);
            waited++;
            Optional<Map<String, SlurmCommands.Job>> jobs = slurm.jobs(List.of(id));
            if (jobs.isEmpty()) {
                continue;
            }
            SlurmCommands.Job j = jobs.get().get(id);
            if (j == null) {
                state = "UNKNOWN";
                break;
            }
            state = j.state();
            node = j.node() != null ? j.node() : node;
            if (JobState.of(state) != JobState.ACTIVE) {
                break;
            }
            if (waited % 60 == 0) {
                log.println("naslab: slurm: probe job " + id + " is " + state + " after " + waited * pollMillis / 1000 + " s"
                        + (j.reason() == null || j.reason().equals("None") ? "" : " (" + j.reason() + ")"));
            }
        }
        for (int i = 0; i < graceSeconds && !Files.isRegularFile(answer); i++) {
            Thread.sleep(1000); // a shared file system may show the file a little later
        }
        String where = "probe job " + id + (node == null ? "" : " on " + node) + " ended " + state;
        if (!Files.isRegularFile(answer)) {
            throw new SlurmException(where + ", and " + answer + " did not appear here: the nodes do not see " + out
                    + " (or the job did not start; see " + out.resolve(FILES.get(1)) + "). naslab needs an output "
                    + "folder on a file system the nodes share: set output: in the experiment or --set output=DIR");
        }
        String text = Files.readString(answer, StandardCharsets.UTF_8);
        if (!text.contains("nonce " + nonce)) {
            throw new SlurmException(where + ", but " + answer + " is not the one it was asked to write");
        }
        String javaLine = field(text, "java-version");
        Matcher m = JAVA_VERSION.matcher(javaLine);
        if (field(text, "java").equals("none") || !m.find() || Integer.parseInt(m.group(1)) < 17) {
            throw new SlurmException(where + ": the node has no Java 17 on its PATH (java: " + field(text, "java")
                    + ", " + (javaLine.isEmpty() ? "no version" : javaLine) + "); naslab's jobs need Java 17 or newer "
                    + "(module load, or PATH in your shell's start-up files)");
        }
        String cwd = field(text, "cwd");
        if (!cwd.equals(workDir.toRealPath().toString())) {
            throw new SlurmException(where + ": the job ran in " + cwd + ", not in " + workDir + ", the folder naslab "
                    + "runs in (Slurm falls back to /tmp when a node does not see it); the trials' jobs run there, so "
                    + "that relative paths resolve as here: start naslab from a folder on the shared file system");
        }
        if (text.contains("launcher missing")) {
            throw new SlurmException(where + ": the node does not see naslab's launcher " + launcher
                    + "; install naslab on a file system the nodes share");
        }
        log.println("naslab: slurm: the nodes see " + out + " (" + field(text, "node") + ", " + javaLine + ")");
    }

    private static String field(String text, String key) {
        return text.lines().filter(x -> x.startsWith(key + " ")).map(x -> x.substring(key.length() + 1).strip())
                .findFirst().orElse("");
    }
}
