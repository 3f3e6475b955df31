package dev.naslab.core.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a trial, or one (selector, evaluator) row of it, ended: the {@code status} of {@code result.json} and of
 * {@code results.csv}, written in lower case.
 */
public enum TrialStatus {
    /** Every stage finished with finite numbers. */
    OK,
    /** A loss became NaN or infinite in some stage; what was written before stays. */
    DIVERGED,
    /** The trial could not run or crashed; the message says why, the stack trace is in {@code trial.log}. */
    FAILED;

    /** {@return the name as written in files: ok, diverged, failed} */
    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a status as written in a file.
     *
     * @param text ok, diverged or failed (any case)
     * @return the status
     * @throws IllegalArgumentException naming the allowed values, for anything else
     */
    @JsonCreator
    public static TrialStatus of(String text) {
        return Arrays.stream(values()).filter(s -> s.text().equalsIgnoreCase(text)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown trial status '" + text + "'; allowed: ok, diverged, failed"));
    }

    @Override
    public String toString() {
        return text();
    }
}
