package dev.naslab.zerocost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Network;
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

    /**
     * One layer's share of a gradient proxy from its weight and the loss's gradient of it. Arrays made from the
     * gradient (first operand) live in a manager closed after the share is read; ones made from the weight would
     * stay with the network.
     */
    interface PerLayer {
        NDArray of(NDArray weight, NDArray gradient);
    }

    /**
     * Σ over the layers of {@code perLayer} (a scalar array each, read in float64), after the batch's loss went back
     * through the network (batch statistics): SNIP's and grad_norm's shape.
     */
    static double sumAfterLoss(Network network, Batch batch, PerLayer perLayer) {
        LayerWeights layers = new LayerWeights();
        return ProxyPass.lossBackward(network, batch, layers, (pass, x, y) -> {
            double total = 0;
            for (NDArray w : layers.weights()) {
                try (NDManager scope = pass.newSubManager()) {
                    NDArray g = w.getGradient();
                    g.attach(scope);
                    total += perLayer.of(w, g).toType(DataType.FLOAT64, false).getDouble();
                }
            }
            return total;
        });
    }
}
