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
    PARTIAL_CHANNELS("partial channel connections");

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
