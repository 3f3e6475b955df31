package dev.naslab.core.trial;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A trial's state in {@code status.json} and in {@code naslab status}, written in lower case. */
public enum BoardState {

    /** Not started yet. */
    PENDING,
    /** Its folder exists but this run has not started it (seen by {@code status} without a board). */
    STARTED,
    /** Submitted to Slurm, waiting for a node. */
    QUEUED,
    RUNNING,
    /** Its coordinator stopped before it ended; the next run resumes it. */
    STOPPED,
    /** Its Slurm job ended and no coordinator has collected it yet. */
    ENDED,
    DONE,
    FAILED;

    /** True for a state a trial leaves only by ending: pending, queued or running. */
    public boolean unended() {
        return this == PENDING || this == QUEUED || this == RUNNING;
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BoardState of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
