package dev.naslab.api.model;

import dev.naslab.api.nn.ParamStore;

/**
 * Base class for supernets: holds the weights and the architecture state.
 *
 * <p>To implement a space's supernet: create the {@link ParamStore} and {@link ArchState} (with
 * the space's cell types) and pass them up; register the layers in {@link #params()}; implement
 * {@link #forward(ai.djl.ndarray.NDArray, MixingWeights, boolean)} so that every cell mixes its
 * candidate ops with {@link MixingWeights#weigh} and skips ops that are not
 * {@link MixingWeights#active}. See {@code Nb201Supernet} in the {@code space-nas-bench-201} plugin.
 */
public abstract class AbstractSupernet implements Supernet {

    private final ParamStore params;
    private final ArchState arch;

    /**
     * A supernet over {@code params} (weights and buffers) and {@code arch} (α and decisions).
     *
     * @param params the weights by name
     * @param arch the architecture state (α, decisions, masks)
     */
    protected AbstractSupernet(ParamStore params, ArchState arch) {
        this.params = params;
        this.arch = arch;
    }

    @Override
    public final ArchState arch() {
        return arch;
    }

    @Override
    public final ParamStore params() {
        return params;
    }
}
