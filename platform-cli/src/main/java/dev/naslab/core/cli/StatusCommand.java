package dev.naslab.core.cli;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.TrialStatus;
import dev.naslab.core.UserException;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.progress.Durations;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.slurm.SlurmCommands;
import dev.naslab.core.trial.BoardState;
import dev.naslab.core.trial.StatusBoard;
import dev.naslab.core.trial.StatusBoard.Entry;
import dev.naslab.core.trial.StatusBoard.Snapshot;
import dev.naslab.core.trial.TrialOutcomes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code naslab status runs/x}: where each trial runs, what is done, failed, re-run or waiting. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show an experiment's trials while it runs or after: state, the member that runs or ran each "
                + "one, attempts (re-runs after a lost worker or a lost Slurm job), Slurm job ids and states, and whether "
                + "its coordinator is alive.")
final class StatusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The experiment's output folder (runs/<name>).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new UserException(dir + " is not a folder; give an experiment's output folder, e.g. runs/quickstart");
        }
        Optional<Snapshot> board = StatusBoard.read(dir);
        List<Entry> entries = board.map(Snapshot::trials).orElseGet(() -> fromResults(dir));
        if (entries.isEmpty()) {
            throw new UserException(dir + " holds no naslab run (no " + StatusBoard.FILE + ", no plan.json)");
        }
        boolean unended = entries.stream().anyMatch(e -> e.state().unended());
        board.ifPresent(b -> System.out.println(coordinatorLine(dir, b.coordinator(), unended)));
        entries = withLiveJobStates(entries, board.map(b -> alive(b.coordinator())).orElse(false));
        Map<BoardState, Integer> counts = new LinkedHashMap<>();
        entries.forEach(e -> counts.merge(e.state(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((state, n) -> parts.add(n + " " + state));
        System.out.println(entries.size() + " trial(s): " + String.join(", ", parts));
        int w = Math.max(5, entries.stream().mapToInt(e -> e.trial().length()).max().orElse(5));
        int m = Math.max(6, entries.stream().mapToInt(e -> e.member() == null ? 1 : e.member().length()).max().orElse(6));
        boolean jobs = entries.stream().anyMatch(e -> e.job() != null);
        if (jobs) {
            int j = Math.max(3, entries.stream().mapToInt(e -> e.job() == null ? 1 : e.job().length()).max().orElse(3));
            String fmt = "%-" + w + "s  %-8s  %-" + j + "s  %-11s  %-" + m + "s  %8s  %9s  %s%n";
            System.out.printf(fmt, "TRIAL", "STATE", "JOB", "SLURM", "NODE", "ATTEMPTS", "TIME", "NOTE");
            for (Entry e : entries) {
                System.out.printf(fmt, e.trial(), e.state(), e.job() == null ? "-" : e.job(),
                        e.jobState() == null ? "-" : e.jobState(), e.member() == null ? "-" : e.member(), e.attempts(),
                        time(e), e.note() == null ? "" : e.note());
            }
            return 0;
        }
        String fmt = "%-" + w + "s  %-8s  %-" + m + "s  %8s  %9s  %s%n";
        System.out.printf(fmt, "TRIAL", "STATE", "MEMBER", "ATTEMPTS", "TIME", "NOTE");
        for (Entry e : entries) {
            System.out.printf(fmt, e.trial(), e.state(), e.member() == null ? "-" : e.member(), e.attempts(),
                    time(e), e.note() == null ? "" : e.note());
        }
        return 0;
    }

    private static boolean alive(StatusBoard.Coordinator c) {
        return c.finished() == null && Duration.between(Instant.parse(c.updated()), Instant.now()).getSeconds()
                <= 3L * StatusBoard.HEARTBEAT_SECONDS;
    }

    /**
     * Unended trials with Slurm jobs and no live coordinator to watch them (a detached or dead run): their states as
     * {@code squeue} gives them now, when it is on the PATH; the board's last word otherwise.
     */
    private static List<Entry> withLiveJobStates(List<Entry> entries, boolean watched) {
        List<String> ids = entries.stream().filter(e -> e.job() != null && e.state().unended())
                .map(Entry::job).toList();
        if (watched || ids.isEmpty() || SlurmCommands.onPath("squeue").isEmpty()) {
            return entries;
        }
        Map<String, SlurmCommands.Job> now;
        try {
            now = new SlurmCommands().jobs(ids).orElse(Map.of());
        } catch (dev.naslab.core.slurm.SlurmException e) {
            return entries;
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            SlurmCommands.Job j = e.job() == null ? null : now.get(e.job());
            if (j == null || !e.state().unended()) {
                out.add(e);
                continue;
            }
            BoardState state = j.state().equals("RUNNING") ? BoardState.RUNNING
                    : dev.naslab.core.slurm.JobState.of(j.state()) == dev.naslab.core.slurm.JobState.ACTIVE
                    ? BoardState.QUEUED : BoardState.ENDED;
            out.add(new Entry(e.trial(), state, j.node() != null ? j.node() : e.member(), e.attempts(), e.started(),
                    e.ended(), state == BoardState.ENDED ? "naslab run --slurm collects it" : e.note(), e.job(), j.state()));
        }
        return out;
    }

    private static String coordinatorLine(Path dir, StatusBoard.Coordinator c, boolean unended) {
        String where = c.executor() + ", coordinator pid " + c.pid() + " on " + c.host() + ", started " + c.started();
        if (c.finished() != null && !unended) {
            return dir + ": finished " + c.finished() + " (" + where + ")";
        }
        if (c.executor().startsWith("slurm (detached)")) {
            return dir + ": trials submitted to Slurm " + c.updated() + " run on their own (" + where
                    + "); naslab run --slurm collects their results";
        }
        Duration since = Duration.between(Instant.parse(c.updated()), Instant.now());
        if (since.getSeconds() <= 3L * StatusBoard.HEARTBEAT_SECONDS) {
            return dir + ": running (" + where + ")";
        }
        return dir + ": not running: its coordinator was last seen " + Durations.format(since.getSeconds())
                + " ago (" + where + "); naslab run resumes it";
    }

    private static String time(Entry e) {
        if (e.started() == null) {
            return "-";
        }
        Instant end = e.ended() != null ? Instant.parse(e.ended()) : Instant.now();
        return Durations.format(Duration.between(Instant.parse(e.started()), end).getSeconds());
    }

    /** For runs without a status file: the plan and the result files. */
    private static List<Entry> fromResults(Path dir) {
        Path plan = dir.resolve(RunLayout.PLAN);
        if (!Files.isRegularFile(plan)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try {
            for (String id : Mappers.JSON.readValue(plan.toFile(), String[].class)) {
                if (!dev.naslab.core.plan.TrialSpec.isValidId(id)) {
                    throw new UserException(plan + " lists '" + id + "', which is not a trial id ("
                            + dev.naslab.core.plan.TrialSpec.ID_RULE + "); was the file edited?");
                }
                Path result = dir.resolve(id).resolve(TrialOutcomes.RESULT);
                if (Files.isRegularFile(result)) {
                    TrialResult r = TrialOutcomes.read(result);
                    out.add(new Entry(id, r.status() == TrialStatus.FAILED ? BoardState.FAILED : BoardState.DONE, null, 0, null, null,
                            r.status() == TrialStatus.OK ? null : r.message(), null, null));
                } else {
                    out.add(new Entry(id, Files.isDirectory(dir.resolve(id)) ? BoardState.STARTED : BoardState.PENDING, null, 0, null,
                            null, null, null, null));
                }
            }
        } catch (IOException e) {
            throw new UserException("cannot read " + plan + ": " + e.getMessage());
        }
        return out;
    }
}
