package dev.naslab.api.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** Something with tensor state that a checkpoint saves and restores (optimizer buffers). */
public interface Stateful {

    /** The current state tensors by name. */
    Map<String, NDArray> stateTensors();

    /** Scalars of the state (step counts). */
    default Map<String, Double> stateScalars() {
        return Map.of();
    }

    /** Restores state saved by {@link #stateTensors} and {@link #stateScalars}. */
    void loadState(Map<String, TensorData> tensors, Map<String, Double> scalars);
}
