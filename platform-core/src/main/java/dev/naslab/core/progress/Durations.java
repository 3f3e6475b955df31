package dev.naslab.core.progress;

/** Human-readable durations. */
public final class Durations {

    private Durations() {
    }

    /** e.g. "45s", "3m07s", "2h05m". */
    public static String format(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
