package dev.naslab.api.base;

/**
 * Progress of a long phase, shown by the host as a bar with ETA on a terminal and as plain
 * periodic lines otherwise. Plugins call {@link #start}, then {@link #advance} as work is done.
 */
public interface Progress {

    /**
     * Starts (or restarts) a phase of {@code total} units, {@code done} of which are already done.
     *
     * @param phase the phase (search, select-…, evaluate)
     * @param total units of work in the phase
     * @param done units already done (when resuming)
     */
    void start(String phase, long total, long done);

    /**
     * Marks {@code units} more units done; {@code note} is a short status such as the loss.
     *
     * @param units units of work done
     * @param note a short note for the progress display
     */
    void advance(long units, String note);

    /** A progress that shows nothing, for tests. */
    Progress NONE = new Progress() {
        @Override
        public void start(String phase, long total, long done) {
        }

        @Override
        public void advance(long units, String note) {
        }
    };
}
