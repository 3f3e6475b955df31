package dev.naslab.zerocost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Network;
import dev.naslab.api.nn.NetworkProbe;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Fisher (Theis et al. 2018, as zero-cost-nas computes it): for the output a of every convolution and linear
 * layer, g = Σ over its spatial positions of a ⊙ ∂L/∂a, one value per image and channel; the layer's score per
 * channel is ½·mean over the images of g²; the proxy is their sum over channels and layers (batch statistics).
 */
@Extension
public final class Fisher extends SimpleProxy {

    public Fisher() {
        super("fisher", "Fisher: sum over layer outputs a of mean_n (sum_spatial a * dL/da)^2 / 2");
    }

    @Override
    public boolean needsData() {
        return true;
    }

    @Override
    public double score(Network network, Batch batch, NoSettings settings) {
        Outputs outputs = new Outputs(batch.x().getManager());
        try {
            return ProxyPass.lossBackward(network, batch, outputs, (pass, x, y) -> {
                double total = 0;
                for (NDArray[] o : outputs.seen) {
                    NDArray a = o[0];
                    try (NDArray grad = o[1].getGradient()) {
                        NDArray product = a.mul(grad);
                        NDArray g = a.getShape().dimension() > 2 ? product.sum(new int[] {2, 3}) : product;
                        total += g.square().mean(new int[] {0}).sum().toType(ai.djl.ndarray.types.DataType.FLOAT64,
                                false).getDouble() * 0.5;
                    }
                }
                return total;
            });
        } finally {
            outputs.close();
        }
    }

    /** Adds a zero leaf to every layer output: its gradient is the gradient with respect to the output. */
    private static final class Outputs implements NetworkProbe, AutoCloseable {

        private final NDManager manager;
        final List<NDArray[]> seen = new ArrayList<>();

        Outputs(NDManager parent) {
            manager = parent.newSubManager();
        }

        @Override
        public NDArray output(NDArray y, Layer layer) {
            NDArray zero = manager.zeros(y.getShape(), y.getDataType());
            zero.setRequiresGradient(true);
            seen.add(new NDArray[] {y, zero});
            return y.add(zero);
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
