package dev.naslab.zerocost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Network;
import dev.naslab.api.nn.NetworkProbe;
import dev.naslab.api.train.Grads;
import dev.naslab.api.train.Passes;
import java.util.function.Function;

/** The passes proxies run: in a sub-manager of the batch's, with a probe attached, gradients zeroed around them. */
final class ProxyPass {

    private ProxyPass() {
    }

    /** What a pass hands back while its manager is still open. */
    interface Reader<T> {
        T read(NDManager pass, NDArray input, NDArray output);
    }

    /**
     * Forward on the batch's images with batch statistics (the network in training mode, as the reference harness
     * leaves it), cross-entropy against its labels, backward; {@code read} reads gradients before the pass closes.
     */
    static <T> T lossBackward(Network net, Batch batch, NetworkProbe probe, Reader<T> read) {
        return backward(net, batch.x(), probe, false, y -> Passes.crossEntropy(y, batch.oneHot()), read);
    }

    /**
     * Forward of {@code images} (copied into the pass; its copy requires a gradient when {@code inputGradient}),
     * {@code objective} of the logits, backward; the network's weight gradients are zeroed before and after.
     */
    static <T> T backward(Network net, NDArray images, NetworkProbe probe, boolean inputGradient,
            Function<NDArray, NDArray> objective, Reader<T> read) {
        Grads.zero(net.params().weights().values());
        try (NDManager pass = images.getManager().newSubManager()) {
            NDArray x = images.duplicate();
            x.attach(pass);
            if (inputGradient) {
                x.setRequiresGradient(true);
            }
            NDArray y;
            try (NetworkProbe.Attachment a = NetworkProbe.attach(probe);
                    GradientCollector gc = pass.getEngine().newGradientCollector()) {
                y = net.forward(x, true);
                gc.backward(objective.apply(y));
            }
            return read.read(pass, x, y);
        } finally {
            Grads.zero(net.params().weights().values());
        }
    }

    /** Forward only, with {@code probe} attached; {@code batchStatistics} as {@link Network#forward}. */
    static <T> T forward(Network net, NDArray images, NetworkProbe probe, boolean batchStatistics, Reader<T> read) {
        try (NDManager pass = images.getManager().newSubManager()) {
            NDArray x = images.duplicate();
            x.attach(pass);
            try (NetworkProbe.Attachment a = NetworkProbe.attach(probe)) {
                NDArray y;
                if (batchStatistics && !"PyTorch".equals(pass.getEngine().getEngineName())) {
                    // MXNet normalises with batch statistics only while recording
                    try (GradientCollector gc = pass.getEngine().newGradientCollector()) {
                        y = net.forward(x, true);
                    }
                } else {
                    y = net.forward(x, batchStatistics);
                }
                return read.read(pass, x, y);
            }
        }
    }
}
