package dev.naslab.zerocost;

import ai.djl.ndarray.types.DataType;
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
        // the norm in float64 after the float32 sum of squares, as the reference's .norm() then float()
        return LayerWeights.sumAfterLoss(network, batch, (w, g) -> g.square().sum().toType(DataType.FLOAT64, false).sqrt());
    }
}
