package dev.naslab.core.engine;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;

/**
 * PyTorch's autograd profiler around a piece of work: every operator call with its input shapes,
 * written on {@link #close} as a Chrome trace (open it in Perfetto or {@code chrome://tracing}).
 * DJL exposes the profiler for PyTorch only; MXNet has no counterpart here.
 */
public final class TorchProfiler implements AutoCloseable {

    private final Path trace;

    private TorchProfiler(Path trace) {
        this.trace = trace;
    }

    /**
     * {@return a running profiler that writes {@code trace} when closed}
     *
     * @param trace the file to write; the caller makes sure it does not exist yet
     */
    public static TorchProfiler start(Path trace) {
        JniUtils.startProfile(false, true, false);
        return new TorchProfiler(trace);
    }

    @Override
    public void close() {
        JniUtils.stopProfile(trace.toString());
    }
}
