package dev.naslab.api.train;

import ai.djl.ndarray.NDArray;
import java.util.Collection;

/**
 * Gradient housekeeping. PyTorch accumulates gradients across backward passes and MXNet
 * overwrites them, so portable code zeroes the gradients it is about to compute, before every
 * backward. Every {@code getGradient()} handle is closed here: each call allocates one.
 */
public final class Grads {

    private Grads() {
    }

    /**
     * Sets the gradients of {@code params} to zero, in place. (Not with {@code set(NDIndex, 0)}:
     * on PyTorch that leaves a temporary array in the parameter's manager on every call, which
     * grew resident memory by about a megabyte per search iteration.) A gradient that is NaN
     * stays NaN; the loss check has stopped the run before that matters.
     *
     * @param params the weights by name
     */
    public static void zero(Collection<NDArray> params) {
        for (NDArray p : params) {
            try (NDArray g = p.getGradient()) {
                g.muli(0f);
            }
        }
    }
}
