package dev.naslab.zerocost;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Network;
import org.pf4j.Extension;

/** Σ over the convolutions and linear layers of ‖∂L/∂W‖₂, L the batch's cross-entropy (batch statistics). */
@Extension
public final class GradNorm extends SimpleProxy {

    public GradNorm() {
        super("grad_norm", "sum over layers of the L2 norm of the loss gradient of the weights");
    }

    @Override
    public boolean needsData() {
        return true;
    }

    @Override
    public double score(Network network, Batch batch, NoSettings settings) {
        LayerWeights layers = new LayerWeights();
        return ProxyPass.lossBackward(network, batch, layers, (pass, x, y) -> {
            double total = 0;
            for (NDArray w : layers.weights()) {
                try (NDArray g = w.getGradient(); NDArray sq = g.square().sum()) {
                    total += Math.sqrt(sq.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble());
                }
            }
            return total;
        });
    }
}
