package dev.naslab.zerocost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Network;
import dev.naslab.api.nn.NetworkProbe;
import org.pf4j.Extension;

/**
 * Multiply-adds of one image's forward pass through the convolutions and linear layers (normalisation, pooling
 * and additions are not counted, as in the benchmark's own counts).
 */
@Extension
public final class Flops extends SimpleProxy {

    public Flops() {
        super("flops", "multiply-adds of one image's forward pass (convolutions and linear layers)");
    }

    @Override
    public boolean needsData() {
        return false;
    }

    @Override
    public double score(Network network, Batch batch, NoSettings settings) {
        long[] total = {0};
        NetworkProbe count = new NetworkProbe() {
            @Override
            public void multiplyAdds(long perImage, Layer layer) {
                total[0] += perImage;
            }
        };
        NDArray one = batch.x().get(new NDIndex("0:1"));
        try {
            ProxyPass.forward(network, one, count, false, (pass, x, y) -> null);
        } finally {
            one.close();
        }
        return total[0];
    }
}
