package dev.naslab.dist;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real single-node Slurm on this machine for the tests: Debian's {@code munged}, {@code slurmctld} and
 * {@code slurmd} in the foreground as children of the test JVM, with a private key, configuration, state and
 * spool under one folder, their ports free ones on loopback. Client commands find it through {@code SLURM_CONF}
 * ({@link #env()}). Needs root (slurmd starts jobs as their user); without Slurm the tests that use it are
 * skipped, unless {@code NASLAB_REQUIRE_SLURM} is set (CI sets it after installing Slurm), when they fail.
 */
final class LocalSlurm implements AutoCloseable {

    /** The node's name and its size: two CPUs, jobs of 1 CPU and 1 GB run two at a time. */
    static final String NODE = "node1";

    private final Path dir;
    private final List<Process> daemons = new ArrayList<>();

    private LocalSlurm(Path dir) {
        this.dir = dir;
    }

    /** Skips (or, with {@code NASLAB_REQUIRE_SLURM}, fails) when this machine cannot run a Slurm of its own. */
    static void assumeAvailable() {
        List<String> missing = new ArrayList<>();
        for (String c : List.of("munged", "slurmctld", "slurmd", "sbatch", "squeue", "scancel", "sinfo")) {
            if (which(c) == null) {
                missing.add(c);
            }
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        String why = !missing.isEmpty() ? "Slurm is not installed (no " + String.join(", ", missing)
                + "; apt-get install slurm-wlm munge)" : !root ? "a private slurmd needs root" : null;
        if (why != null && System.getenv("NASLAB_REQUIRE_SLURM") != null) {
            throw new AssertionError("NASLAB_REQUIRE_SLURM is set, but " + why);
        }
        Assumptions.assumeTrue(why == null, why);
    }

    /** Starts the daemons and waits until the node takes jobs. */
    static LocalSlurm start(Path dir) throws Exception {
        assumeAvailable();
        Files.createDirectories(dir);
        LocalSlurm s = new LocalSlurm(dir);
        try {
            s.boot();
        } catch (Exception | AssertionError e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void boot() throws Exception {
        for (String d : List.of("state", "spool", "log")) {
            Files.createDirectories(dir.resolve(d));
        }
        byte[] key = new byte[1024];
        new SecureRandom().nextBytes(key);
        Path keyFile = dir.resolve("munge.key");
        Files.write(keyFile, key);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Path socket = dir.resolve("munge.sock");
        daemons.add(daemon(dir.resolve("log/munged.out"), which("munged"), "--foreground", "--force",
                "--socket=" + socket, "--key-file=" + keyFile, "--log-file=" + dir.resolve("log/munged.log"),
                "--pid-file=" + dir.resolve("munged.pid"), "--seed-file=" + dir.resolve("munged.seed")));
        waitFor(() -> Files.exists(socket), 20, "munged's socket");
        String host = InetAddress.getLocalHost().getHostName();
        Files.writeString(conf(), String.join("\n",
                "ClusterName=naslabtest",
                "SlurmctldHost=localhost(127.0.0.1)",
                "SlurmctldPort=" + freePort(),
                "SlurmdPort=" + freePort(),
                "SlurmUser=root",
                "SlurmdUser=root",
                "AuthType=auth/munge",
                "AuthInfo=socket=" + socket,
                "CredType=cred/munge",
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("log/slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("log/slurmd.log"),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "JobCompType=jobcomp/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core_Memory",
                "ReturnToService=2",
                "MpiDefault=none",
                "SchedulerType=sched/backfill",
                "MinJobAge=600",
                "NodeName=" + NODE + " NodeHostname=" + host + " NodeAddr=127.0.0.1 CPUs=2 RealMemory=4000 State=UNKNOWN",
                "PartitionName=debug Nodes=" + NODE + " Default=YES MaxTime=INFINITE State=UP", ""),
                StandardCharsets.UTF_8);
        daemons.add(daemon(dir.resolve("log/slurmctld.out"), which("slurmctld"), "-D", "-f", conf().toString()));
        daemons.add(daemon(dir.resolve("log/slurmd.out"), which("slurmd"), "-D", "-f", conf().toString(), "-N", NODE));
        waitFor(() -> command("sinfo", "--noheader", "--format=%T").out().strip().equals("idle"), 60,
                "the Slurm node to be idle");
    }

    /** The environment that points Slurm's commands at this Slurm. */
    Map<String, String> env() {
        return Map.of("SLURM_CONF", conf().toString());
    }

    Path conf() {
        return dir.resolve("slurm.conf");
    }

    /** A Slurm command against this Slurm (output and error together in {@code out}). */
    Cli.Result command(String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of(which(args[0])));
            cmd.addAll(List.of(args).subList(1, args.length));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return new Cli.Result(p.exitValue(), out, "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The state of job {@code id} ({@code squeue --states=all}), or "" once Slurm forgot it. */
    String state(String id) {
        return command("squeue", "--noheader", "--states=all", "--jobs=" + id, "--format=%T").out().strip()
                .replaceAll("(?s).*Invalid job id.*", "");
    }

    /** Every job Slurm knows, as "id|name|state" lines. */
    List<String> jobs() {
        return command("squeue", "--noheader", "--states=all", "--format=%i|%j|%T").out().strip().lines()
                .filter(l -> !l.isBlank()).toList();
    }

    @Override
    public void close() {
        if (Files.exists(conf())) {
            command("scancel", "--user=root"); // this Slurm's jobs are the tests' own
        }
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private Process daemon(Path log, String... cmd) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static String which(String command) {
        for (String d : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, command);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void waitFor(java.util.function.BooleanSupplier ok, int seconds, String what) throws Exception {
        for (int i = 0; i < seconds * 5; i++) {
            if (ok.getAsBoolean()) {
                return;
            }
            for (Process p : daemons) {
                if (!p.isAlive()) {
                    throw new AssertionError("a Slurm daemon stopped while waiting for " + what + " ("
                            + String.join(" ", p.info().arguments().map(List::of).orElse(List.of())) + "); logs in "
                            + dir.resolve("log") + ": " + tail(dir.resolve("log")));
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + what + " within " + seconds + " s; logs in " + dir.resolve("log") + ": "
                + tail(dir.resolve("log")));
    }

    private static String tail(Path logs) {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(logs)) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                sb.append("\n== ").append(f.getFileName()).append(":\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size())));
            }
        } catch (IOException e) {
            sb.append(e);
        }
        return sb.toString();
    }
}
