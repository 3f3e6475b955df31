package dev.naslab.core.trial;

import dev.naslab.api.base.Progress;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The child's side of progress reporting: one machine-readable line
 * ({@code @@progress <phase>\t<total>\t<done>\t<note>}) at most every half second and at phase
 * ends; the coordinator turns them into a bar or periodic lines.
 */
final class LineProgress implements Progress {

    static final String PREFIX = "@@progress ";

    private final Consumer<String> out;
    private String phase = "";
    private long total;
    private long done;
    private long lastEmit;

    /** Reports as lines on {@code out}, read by the coordinator ({@link TrialProcess#pump}). */
    LineProgress(PrintStream out) {
        this(line -> {
            out.println(line);
            out.flush();
        });
    }

    /** Reports to {@code sink}, one line each. */
    LineProgress(Consumer<String> sink) {
        this.out = sink;
    }

    /** A report line back into its fields; empty for any other line. */
    static Optional<TrialProgressFile.Report> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] f = line.substring(PREFIX.length()).split("\t", -1);
        if (f.length < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TrialProgressFile.Report(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
        out.accept(PREFIX + phase + "\t" + total + "\t" + done + "\t" + (note == null ? "" : note.replace('\t', ' ')));
    }
}
