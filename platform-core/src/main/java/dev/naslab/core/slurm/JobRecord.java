package dev.naslab.core.slurm;

import dev.naslab.core.results.RunLayout;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.results.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@value #FILE} in a trial folder: the trial's Slurm jobs, newest last, and the one whose ending no naslab run has
 * collected yet ({@code open}). A run that finds an open job adopts it (watches it, or takes what it left) instead
 * of submitting the trial again; that is how {@code --detach} and a coordinator that died hand their jobs on.
 *
 * @param open     the job submitted and not yet collected, or null
 * @param attempts jobs submitted since the trial's last collected ending (re-runs after a lost job count)
 * @param jobs     every job of this trial, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRecord(String open, int attempts, List<Job> jobs) {

    /** The file in the trial folder. */
    public static final String FILE = RunLayout.SLURM_JOBS;

    /**
     * One job.
     *
     * @param id        Slurm's job id
     * @param submitted when naslab submitted it (ISO-8601)
     * @param state     the last state naslab saw
     * @param node      where it ran, once known
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Job(String id, String submitted, String state, String node) {
    }

    public JobRecord {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    /** A new job {@code id} submitted at {@code when}: open, one more attempt. */
    public JobRecord submitted(String id, String when) {
        List<Job> j = new ArrayList<>(jobs);
        j.add(new Job(id, when, "SUBMITTED", null));
        return new JobRecord(id, attempts + 1, j);
    }

    /** The open job seen in {@code state} on {@code node}. */
    public JobRecord seen(String id, String state, String node) {
        List<Job> j = new ArrayList<>(jobs);
        j.replaceAll(x -> x.id().equals(id) ? new Job(id, x.submitted(), state, node != null ? node : x.node()) : x);
        return new JobRecord(open, attempts, j);
    }

    /** The trial's ending is recorded: nothing open, attempts start again at the next run. */
    public JobRecord collected() {
        return new JobRecord(null, 0, jobs);
    }

    /** The newest job, if any. */
    public Optional<Job> newest() {
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(jobs.size() - 1));
    }

    /**
     * The record in {@code dir}, or an empty one. A record that cannot be read, or names something that is not a
     * job id, is set aside as {@code slurm.json.unreadable-<time>} with a warning: its jobs cannot be adopted.
     */
    public static JobRecord read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return new JobRecord(null, 0, List.of());
        }
        try {
            JobRecord r = Mappers.JSON.readValue(f.toFile(), JobRecord.class);
            boolean ids = r.jobs.stream().allMatch(j -> j.id() != null && SlurmCommands.JOB_ID.matcher(j.id()).matches());
            if (!ids || r.open != null && !SlurmCommands.JOB_ID.matcher(r.open).matches() || r.attempts < 0) {
                throw new IOException("it names something that is not a Slurm job id");
            }
            return r;
        } catch (IOException e) {
            Path aside = AtomicFiles.setAside(f, "unreadable");
            System.err.println("naslab: warning: " + f + " cannot be read (" + String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse("") + "); kept as " + aside + "; if a job of this trial is still queued, "
                    + "scancel it: this run submits the trial again");
            return new JobRecord(null, 0, List.of());
        }
    }

    /** Writes the record into {@code dir} (atomically). */
    public void write(Path dir) {
        AtomicFiles.writeJson(dir.resolve(FILE), this);
    }
}
