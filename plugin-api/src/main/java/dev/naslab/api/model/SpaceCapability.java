package dev.naslab.api.model;

/**
 * Supernet features a search optimizer may ask for ({@link dev.naslab.api.SearchOptimizer#supernetOptions})
 * and a space declares ({@link dev.naslab.api.SearchSpace#capabilities}). The host checks them while an
 * experiment is validated: an optimizer that needs a capability the space lacks is refused there, with
 * the capability's label in the message.
 *
 * @since 0.3
 */
public enum SpaceCapability {

    /**
     * Partial channel connections (PC-DARTS): on each mixed edge only the first C/k channels go
     * through the candidate ops, the others bypass them (max-pooled 2×2 where the edge has stride 2)
     * and are concatenated back, then {@link dev.naslab.api.nn.Ops#channelShuffle} with k groups.
     */
    PARTIAL_CHANNELS("partial channel connections"),

    /**
     * An auxiliary skip connection on every edge (DARTS−): the edge's output gains
     * {@code β·skip(x)}, where skip is the identity on a stride-1 edge and a factorized reduction
     * (ReLU, two offset 1×1 convolutions of stride 2, non-affine BatchNorm) of its own on a stride-2 edge, and
     * β is {@link MixingWeights#auxiliarySkip} of the pass (0: the connection is not computed).
     *
     * @since 0.3
     */
    AUXILIARY_SKIP("an auxiliary skip connection on every edge");

    private final String label;

    SpaceCapability(String label) {
        this.label = label;
    }

    /**
     * {@return a readable name for messages}
     */
    public String label() {
        return label;
    }
}
