package dev.naslab.core.search;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a pass that normalises with batch statistics without letting it move the network's BatchNorm running
 * statistics: the end-of-search validation pass must leave the checkpoint's buffers as the last training step left
 * them, since a selector that scores on running statistics would read them.
 */
final class RunningStatistics {

    private RunningStatistics() {
    }

    /** {@code pass}'s result, with {@code buffers} (a network's {@code params().buffers()}) as they were before it. */
    static <T> T kept(Map<String, NDArray> buffers, Supplier<T> pass) {
        Map<String, float[]> before = new LinkedHashMap<>();
        buffers.forEach((k, b) -> before.put(k, b.toFloatArray()));
        try {
            return pass.get();
        } finally {
            buffers.forEach((k, b) -> b.set(FloatBuffer.wrap(before.get(k))));
        }
    }
}
