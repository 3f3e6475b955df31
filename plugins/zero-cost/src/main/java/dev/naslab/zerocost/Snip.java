package dev.naslab.zerocost;

import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Network;
import org.pf4j.Extension;

/** SNIP (Lee et al. 2019): Σ over the convolutions' and linear layers' weights of |W ⊙ ∂L/∂W| (batch statistics). */
@Extension
public final class Snip extends SimpleProxy {

    public Snip() {
        super("snip", "SNIP: sum of |W * dL/dW| over the weights of convolutions and linear layers");
    }

    @Override
    public boolean needsData() {
        return true;
    }

    @Override
    public double score(Network network, Batch batch, NoSettings settings) {
        return LayerWeights.sumAfterLoss(network, batch, (w, g) -> g.mul(w).abs().sum());
    }
}
