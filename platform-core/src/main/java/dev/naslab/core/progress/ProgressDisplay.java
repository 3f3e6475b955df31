package dev.naslab.core.progress;

/** How the coordinator shows the progress its trials report. */
public interface ProgressDisplay {

    /** A trial reported {@code done} of {@code total} units of {@code phase}. */
    void update(String trial, String phase, long total, long done, String note);

    /** A trial ended (its bar, if any, is closed). */
    void finish(String trial);

    /** The display for this terminal: a bar with ETA on a console for one trial at a time, else lines. */
    static ProgressDisplay forTerminal(int parallel) {
        return System.console() != null && parallel == 1 ? new BarDisplay() : new LineDisplay(System.out, 15);
    }
}
