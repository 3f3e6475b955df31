package dev.naslab.core.trial;

import dev.naslab.api.Progress;
import java.io.PrintStream;

/**
 * The child's side of progress reporting: one machine-readable line
 * ({@code @@progress <phase>\t<total>\t<done>\t<note>}) at most every half second and at phase
 * ends; the coordinator turns them into a bar or periodic lines.
 */
final class LineProgress implements Progress {

    static final String PREFIX = "@@progress ";

    private final PrintStream out;
    private String phase = "";
    private long total;
    private long done;
    private long lastEmit;

    LineProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void start(String phase, long total, long done) {
        this.phase = phase.replace('\t', ' ');
        this.total = total;
        this.done = done;
        emit("");
    }

    @Override
    public synchronized void advance(long units, String note) {
        done += units;
        long now = System.nanoTime();
        if (done >= total || now - lastEmit > 500_000_000L) {
            emit(note);
        }
    }

    private void emit(String note) {
        lastEmit = System.nanoTime();
        out.println(PREFIX + phase + "\t" + total + "\t" + done + "\t" + (note == null ? "" : note.replace('\t', ' ')));
        out.flush();
    }
}
