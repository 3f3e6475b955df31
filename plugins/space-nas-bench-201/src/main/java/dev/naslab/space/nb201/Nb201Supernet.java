package dev.naslab.space.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.model.AbstractSupernet;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;
import java.util.List;

/** The NAS-Bench-201 search supernet: one α (6×5) shared by all 3·N search cells. */
final class Nb201Supernet extends AbstractSupernet {

    private final Skeleton skeleton;

    Nb201Supernet(Nb201Settings s, int inChannels, int classes, SupernetOptions options, Rng rng, NDManager manager) {
        super(new ParamStore(manager), new ArchState(List.of(Nb201Cell.TYPE), manager, rng, 1e-3f));
        skeleton = new Skeleton(params(), s, inChannels, classes, rng,
                (index, c) -> new SearchCell(params(), "cells." + index, c, options, rng));
    }

    @Override
    public NDArray forward(NDArray x, MixingWeights weights, boolean training) {
        return skeleton.<SearchCell>forward(x, training, (cell, h) -> cell.forward(h, weights, training));
    }
}
