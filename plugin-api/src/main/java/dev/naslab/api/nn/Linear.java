package dev.naslab.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.base.Rng;

/** A fully connected layer with bias, initialised like PyTorch's {@code nn.Linear}. */
public final class Linear {

    private final NDArray weight;
    private final NDArray bias;

    /**
     * A fully connected layer from {@code in} to {@code out} features, registered in {@code ps} under {@code name}.
     *
     * @param ps the parameter store that holds the weights
     * @param name the name its arrays are registered under
     * @param in input features
     * @param out output features
     * @param rng the seeded generator to draw from
     */
    public Linear(ParamStore ps, String name, int in, int out, Rng rng) {
        weight = ps.weight(name + ".weight", new Shape(out, in), Init.uniformFanIn(rng, out * in, in));
        bias = ps.weight(name + ".bias", new Shape(out), Init.uniformFanIn(rng, out, in));
    }

    /**
     * {@code x} (N×in) times the weights plus the bias.
     *
     * @param x the features, N×in
     * @return the logits or features, N×out
     */
    public NDArray forward(NDArray x) {
        NetworkProbe probe = NetworkProbe.current();
        if (probe == null) {
            return ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
        }
        NDArray y = ai.djl.nn.core.Linear.linear(x, probe.parameter(weight, NetworkProbe.Layer.LINEAR, true),
                probe.parameter(bias, NetworkProbe.Layer.LINEAR, false)).singletonOrThrow();
        probe.multiplyAdds(weight.getShape().size(), NetworkProbe.Layer.LINEAR);
        return probe.output(y, NetworkProbe.Layer.LINEAR);
    }
}
