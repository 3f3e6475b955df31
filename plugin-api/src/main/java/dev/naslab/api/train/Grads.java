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

    /** Sets the gradients of {@code params} to zero. */
    public static void zero(Collection<NDArray> params) {
        for (NDArray p : params) {
            try (NDArray g = p.getGradient()) {
                g.muli(0f);
            }
        }
    }
}
