package dev.naslab.core.progress;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar with ETA per phase (one trial at a time), drawn by the progressbar library. */
final class BarDisplay implements ProgressDisplay {

    private ProgressBar bar;
    private String key = "";

    @Override
    public synchronized void update(String trial, String phase, long total, long done, String note) {
        String k = trial + "/" + phase + "/" + total;
        if (bar == null || !k.equals(key)) {
            close();
            key = k;
            bar = new ProgressBarBuilder().setTaskName(trial + " " + phase).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .startsFrom(done, Duration.ZERO).continuousUpdate().build();
        }
        bar.stepTo(done);
        bar.setExtraMessage(note);
    }

    @Override
    public synchronized void finish(String trial) {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
