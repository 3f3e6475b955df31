package dev.naslab.core.trial;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@value #FILE} in a trial folder: the newest progress report of a trial that runs without a coordinator
 * reading its output (a Slurm job). The trial rewrites it at most twice a second; the coordinator reads it
 * when it polls.
 */
public final class TrialProgressFile {

    /** The file in the trial folder. */
    public static final String FILE = RunLayout.PROGRESS;

    /** One report: {@code done} of {@code total} units of {@code phase}. */
    public record Report(String phase, long total, long done, String note) {
    }

    private TrialProgressFile() {
    }

    /** The trial side: each report replaces the file. */
    static LineProgress writer(Path dir) {
        Path f = dir.resolve(FILE);
        return new LineProgress(line -> {
            try {
                AtomicFiles.writeString(f, line + "\n");
            } catch (java.io.UncheckedIOException e) {
                // a full disk or a file system hiccup: the next report tries again; the trial goes on
            }
        });
    }

    /** The newest report in {@code dir}, if there is a readable one. */
    public static Optional<Report> read(Path dir) {
        try {
            String text = Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8).strip();
            return LineProgress.parse(text);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not written yet, or replaced while read: the next poll reads it
        }
    }
}
