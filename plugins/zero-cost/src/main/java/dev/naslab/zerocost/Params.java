package dev.naslab.zerocost;

import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Network;
import org.pf4j.Extension;

/** Trainable parameters, without α, BatchNorm running statistics or a training-only auxiliary head. */
@Extension
public final class Params extends SimpleProxy {

    public Params() {
        super("params", "trainable parameters (no auxiliary head)");
    }

    @Override
    public boolean needsData() {
        return false;
    }

    @Override
    public double score(Network network, Batch batch, NoSettings settings) {
        return network.params().count() - network.trainingOnlyParameters();
    }
}
