package dev.naslab.api.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a search optimizer wants the space's supernet built, beyond the space's own settings: the
 * partial-channel factor k of PC-DARTS (1 for none) and DARTS−'s auxiliary skip connections. The host passes them to
 * {@link dev.naslab.api.SearchSpace#supernet(Record, InputShape, int, SupernetOptions, dev.naslab.api.base.Rng,
 * ai.djl.ndarray.NDManager)} for every supernet of the trial.
 *
 * @param partialChannels k: 1/k of every mixed edge's channels go through its ops; 1 for all of them
 * @param auxiliarySkip whether every edge gets an auxiliary skip connection
 *                      ({@link SpaceCapability#AUXILIARY_SKIP}), weighted per pass by
 *                      {@link MixingWeights#auxiliarySkip}
 * @since 0.3
 */
public record SupernetOptions(int partialChannels, boolean auxiliarySkip) {

    /** The plain supernet every space builds. */
    public static final SupernetOptions NONE = new SupernetOptions(1);

    /** The supernet with DARTS−'s auxiliary skip connections and all channels through the ops. */
    public static final SupernetOptions AUXILIARY_SKIP = new SupernetOptions(1, true);

    /**
     * Options with partial channels only.
     *
     * @param partialChannels k, at least 1
     */
    public SupernetOptions(int partialChannels) {
        this(partialChannels, false);
    }

    /**
     * Checks that k is positive.
     *
     * @param partialChannels k, at least 1
     * @param auxiliarySkip whether every edge gets an auxiliary skip connection
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
        if (auxiliarySkip) {
            out.add(SpaceCapability.AUXILIARY_SKIP);
        }
        return out;
    }
}
