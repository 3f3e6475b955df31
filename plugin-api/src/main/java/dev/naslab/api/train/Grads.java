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
     * Sets the gradients of {@code params} to zero. A fill, not a multiplication: before the
     * first backward pass the gradient buffer may hold garbage, and NaN·0 is NaN.
     */
    public static void zero(Collection<NDArray> params) {
        for (NDArray p : params) {
            try (NDArray g = p.getGradient()) {
                g.set(ALL, 0f);
            }
        }
    }

    private static final ai.djl.ndarray.index.NDIndex ALL = new ai.djl.ndarray.index.NDIndex("...");
}
