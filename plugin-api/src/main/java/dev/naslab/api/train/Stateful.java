package dev.naslab.api.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** Something with tensor state that a checkpoint saves and restores (optimizer buffers). */
public interface Stateful {

    /** {@return the current state tensors by name} */
    Map<String, NDArray> stateTensors();

    /**
     * Scalars of the state (step counts).
     *
     * @return scalars of the state (step counts)
     */
    default Map<String, Double> stateScalars() {
        return Map.of();
    }

    /**
     * Restores state saved by {@link #stateTensors} and {@link #stateScalars}.
     *
     * @param tensors saved tensors by name
     * @param scalars saved scalars by name
     */
    void loadState(Map<String, TensorData> tensors, Map<String, Double> scalars);
}
