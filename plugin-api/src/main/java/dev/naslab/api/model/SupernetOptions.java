package dev.naslab.api.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a search optimizer wants the space's supernet built, beyond the space's own settings: today
 * the partial-channel factor k of PC-DARTS (1 for none). The host passes them to
 * {@link dev.naslab.api.SearchSpace#supernet(Record, InputShape, int, SupernetOptions, dev.naslab.api.base.Rng,
 * ai.djl.ndarray.NDManager)} for every supernet of the trial.
 *
 * @param partialChannels k: 1/k of every mixed edge's channels go through its ops; 1 for all of them
 * @since 0.3
 */
public record SupernetOptions(int partialChannels) {

    /** The plain supernet every space builds. */
    public static final SupernetOptions NONE = new SupernetOptions(1);

    /**
     * Checks that k is positive.
     *
     * @param partialChannels k, at least 1
     */
    public SupernetOptions {
        if (partialChannels < 1) {
            throw new IllegalArgumentException("partial channel factor k must be at least 1, got " + partialChannels);
        }
    }

    /**
     * {@return the capabilities a space needs to build a supernet with these options}
     */
    public Set<SpaceCapability> required() {
        Set<SpaceCapability> out = EnumSet.noneOf(SpaceCapability.class);
        if (partialChannels > 1) {
            out.add(SpaceCapability.PARTIAL_CHANNELS);
        }
        return out;
    }
}
