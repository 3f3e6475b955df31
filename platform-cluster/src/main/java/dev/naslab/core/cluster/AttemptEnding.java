package dev.naslab.core.cluster;

import dev.naslab.core.cluster.Messages.Outcome;

/**
 * What the coordinator does when a trial's attempt on a member has ended: keep the result the
 * worker wrote, run the trial again on another member (the member was lost, shut down, or its files
 * could not be fetched, fewer than {@link #MAX_ATTEMPTS} times), or record a failure with its reason.
 */
final class AttemptEnding {

    /** A member lost this often while running one trial: the trial fails instead of moving again. */
    static final int MAX_ATTEMPTS = 5;

    sealed interface Next permits Keep, Again, Fail {
    }

    /** The worker wrote {@code result.json}: it is the trial's result. */
    record Keep() implements Next {
    }

    /** Run the trial again; {@code attempt} is the number of the next attempt. */
    record Again(String why, int attempt) implements Next {
    }

    /** The trial failed. */
    record Fail(String message) implements Next {
    }

    private AttemptEnding() {
    }

    /**
     * @param resultWritten whether the trial folder holds a result
     * @param lostWhy       why the attempt's work did not arrive (member lost, shut down, files not
     *                      fetched), or null
     * @param attempt       the attempt's number, not counting attempts on members that failed the token check
     * @param error         the error of the remote call, or null
     * @param outcome       the worker's reply, or null when the call failed
     * @param member        the member's name, for messages
     * @param log           the trial's log, named in messages
     */
    static Next decide(boolean resultWritten, String lostWhy, int attempt, Throwable error, Outcome outcome,
            String member, String log) {
        if (resultWritten) {
            return new Keep();
        }
        if (lostWhy != null && attempt < MAX_ATTEMPTS) {
            return new Again(lostWhy, attempt + 1);
        }
        if (lostWhy != null) {
            return new Fail(lostWhy + ", for the " + MAX_ATTEMPTS + "th time; see " + log);
        }
        if (error != null) {
            return new Fail("on member " + member + ": " + rootMessage(error));
        }
        if (outcome.error() != null) {
            return new Fail("on member " + member + ": " + ConfinedPaths.printable(outcome.error()));
        }
        return new Fail("trial process exited with code " + outcome.exitCode() + " on member " + member + "; see "
                + log);
    }

    /** The innermost cause as {@code Type: message}. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
