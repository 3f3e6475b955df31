package dev.naslab.zerocost;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.nn.NetworkProbe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Notes the weights of the convolutions and linear layers a pass uses (not their biases), once each, in order. */
final class LayerWeights implements NetworkProbe {

    private final Set<NDArray> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<NDArray> weights = new ArrayList<>();

    @Override
    public NDArray parameter(NDArray p, Layer layer, boolean weight) {
        if (weight && seen.add(p)) {
            weights.add(p);
        }
        return p;
    }

    List<NDArray> weights() {
        return weights;
    }
}
