package dev.naslab.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.train.Rng;

/** A fully connected layer with bias, initialised like PyTorch's {@code nn.Linear}. */
public final class Linear {

    private final NDArray weight;
    private final NDArray bias;

    public Linear(ParamStore ps, String name, int in, int out, Rng rng) {
        weight = ps.weight(name + ".weight", new Shape(out, in), Init.uniformFanIn(rng, out * in, in));
        bias = ps.weight(name + ".bias", new Shape(out), Init.uniformFanIn(rng, out, in));
    }

    public NDArray forward(NDArray x) {
        return ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
    }
}
