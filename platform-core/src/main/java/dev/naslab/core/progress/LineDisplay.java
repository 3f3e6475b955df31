package dev.naslab.core.progress;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/** Plain periodic lines (logs, CI, several trials at once): phase changes, then every N seconds. */
public final class LineDisplay implements ProgressDisplay {

    private final PrintStream out;
    private final long intervalNanos;
    private final Map<String, State> states = new HashMap<>();

    private static final class State {
        String phase;
        long lastPrint;
        long phaseStart;
        long startDone;
    }

    public LineDisplay(PrintStream out, int intervalSeconds) {
        this.out = out;
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
    }

    @Override
    public synchronized void update(String trial, String phase, long total, long done, String note) {
        State s = states.computeIfAbsent(trial, k -> new State());
        long now = System.nanoTime();
        boolean changed = !phase.equals(s.phase);
        if (changed) {
            s.phase = phase;
            s.phaseStart = now;
            s.startDone = done;
        }
        if (changed || done >= total || now - s.lastPrint >= intervalNanos) {
            s.lastPrint = now;
            String eta = "";
            double rate = (done - s.startDone) / ((now - s.phaseStart) / 1e9);
            if (rate > 0 && done < total) {
                eta = ", eta " + Durations.format((total - done) / rate);
            }
            long pct = total == 0 ? 100 : 100 * done / total;
            out.printf("[%s] %s %d%% (%d/%d)%s%s%n", trial, phase, pct, done, total,
                    note == null || note.isEmpty() ? "" : " " + note, eta);
            out.flush();
        }
    }

    @Override
    public synchronized void finish(String trial) {
        states.remove(trial);
    }
}
