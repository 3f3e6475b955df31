package dev.naslab.core.cluster;

import dev.naslab.core.cluster.Messages.FileBatch;
import dev.naslab.core.cluster.Messages.FileBlob;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.results.TrialStatus;
import dev.naslab.core.trial.TrialOutcomes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator's copy of one trial folder that runs on a worker: the files pulled from the
 * worker written in (confined to the folder), the coordinator's own lines in {@code trial.log},
 * the newest complete checkpoint (where a re-run resumes), and the result the worker wrote, with
 * the worker's paths turned into this machine's.
 */
final class PulledTrialFolder {

    private final Path dir;
    private long logOffset;

    PulledTrialFolder(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** How many bytes of the worker's {@code trial.log} this folder holds (where the next pull starts). */
    long logOffset() {
        return logOffset;
    }

    /** Writes the files of {@code batch} into the folder; says what could not be written, or null. */
    String write(FileBatch batch, String member) {
        for (FileBlob b : batch.files() == null ? List.<FileBlob>of() : batch.files()) {
            try {
                if (b == null || b.bytes() == null) {
                    return "member " + member + " sent an empty file entry";
                }
                FolderSync.write(dir, b);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                return "member " + member + " sent a file that was not written: " + e.getMessage();
            }
            if (b.append()) {
                logOffset += b.bytes().length;
            }
        }
        return null;
    }

    /** Adds a line of the coordinator's to the trial's log. */
    void log(String line) {
        Path log = dir.resolve(RunLayout.TRIAL_LOG);
        try {
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log + ": " + e.getMessage(), e);
        }
    }

    /** The name of the newest checkpoint with its state written, if any. */
    Optional<String> newestCheckpoint() {
        try {
            return RunLayout.checkpoints(RunLayout.search(dir)).stream()
                    .filter(p -> Files.isRegularFile(p.resolve("state.json"))).reduce((a, b) -> b)
                    .map(p -> p.getFileName().toString());
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    boolean hasResult() {
        return Files.isRegularFile(dir.resolve(RunLayout.RESULT));
    }

    /**
     * The result the worker wrote. Paths under {@code workerFolder} (the trial folder on the worker)
     * become paths under this folder; a failure's message says which member it failed on. An
     * unreadable result becomes a failed one, written in its place.
     */
    TrialResult readResult(String workerFolder, String member, TrialSpec spec) {
        Path file = dir.resolve(RunLayout.RESULT);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (workerFolder != null && workerFolder.startsWith("/") && workerFolder.length() > 1) {
                String fixed = text.replace(workerFolder, dir.toAbsolutePath().toString());
                if (!fixed.equals(text)) {
                    AtomicFiles.writeString(file, fixed);
                }
                text = fixed;
            }
            TrialResult r = Mappers.JSON.readValue(text, TrialResult.class);
            if (r.status() == TrialStatus.FAILED && r.message() != null && !r.message().startsWith("on member")) {
                r = new TrialResult(r.trial(), r.variant(), r.values(), r.seed(), r.space(), r.optimizer(), r.status(),
                        "on member " + member + ": " + r.message(), r.searchSeconds(), r.supernetValidAcc(),
                        r.rows(), r.searchStop());
                AtomicFiles.writeJson(file, r);
            }
            return r;
        } catch (IOException e) {
            TrialResult failed = TrialOutcomes.failed(spec, "member " + member + " left an unreadable " + file + " ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
            AtomicFiles.writeJson(file, failed);
            return failed;
        }
    }
}
