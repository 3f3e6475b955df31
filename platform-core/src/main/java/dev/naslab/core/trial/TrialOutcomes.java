package dev.naslab.core.trial;

import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.TrialStatus;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.results.ResultRow;
import dev.naslab.core.results.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The result files every executor reads and writes the same way. */
public final class TrialOutcomes {

    /** A trial's result file inside its folder. */
    public static final String RESULT = RunLayout.RESULT;

    private TrialOutcomes() {
    }

    /**
     * The result a previous run left in {@code dir}, unless it failed: a failed result is deleted so
     * the trial runs again. A result that cannot be read is kept aside as
     * {@code result.json.unreadable-<time>} (said on standard error) and the trial runs again.
     */
    public static Optional<TrialResult> reusable(Path dir) throws IOException {
        Path file = dir.resolve(RESULT);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        TrialResult previous;
        try {
            previous = read(file);
            if (previous == null || previous.status() == null) {
                throw new IOException("it holds no trial status");
            }
        } catch (IOException e) {
            Path aside = AtomicFiles.setAside(file, "unreadable");
            System.err.println("naslab: warning: " + file + " cannot be read ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); kept as " + aside
                    + ", and the trial runs again");
            return Optional.empty();
        }

        if (previous.status() != TrialStatus.FAILED) {
            return Optional.of(previous);
        }
        Files.delete(file);
        return Optional.empty();
    }

    /** Reads a result file. */
    public static TrialResult read(Path file) throws IOException {
        return Mappers.JSON.readValue(file.toFile(), TrialResult.class);
    }

    /** A failed trial's result with {@code message} (also written by the trial itself when it catches an error). */
    public static TrialResult failed(TrialSpec t, String message) {
        return new TrialResult(t.id(), t.variant(), t.values(), t.seed(), t.spaceLabel(), t.searchLabel(),
                TrialStatus.FAILED, message, Double.NaN, Double.NaN,
                List.of(new ResultRow("-", "-", "", Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, TrialStatus.FAILED,
                        message)));
    }
}
