package dev.naslab.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory (Linux {@code VmHWM}) of a process. For a child process it is polled
 * until {@link #stop}, because the value is gone once the process has exited; the high-water mark
 * only grows, so the last reading is the peak up to a few hundred milliseconds before exit.
 */
public final class PeakMemory {

    private final Thread poller;
    private volatile long peak = -1;
    private volatile boolean running = true;

    private PeakMemory(long pid) {
        poller = new Thread(() -> {
            while (running) {
                long v = peakMegabytes(pid);
                if (v > peak) {
                    peak = v;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-memory-" + pid);
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts polling process {@code pid}. */
    public static PeakMemory watch(long pid) {
        return new PeakMemory(pid);
    }

    /** Stops polling and returns the highest reading in MB (-1 if none). */
    public long stop() throws InterruptedException {
        running = false;
        poller.interrupt();
        poller.join();
        return peak;
    }

    /** VmHWM of process {@code pid} in MB, or -1 (no such process, not Linux). */
    public static long peakMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
