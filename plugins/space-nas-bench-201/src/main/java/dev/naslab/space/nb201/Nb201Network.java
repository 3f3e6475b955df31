package dev.naslab.space.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;

/** The discrete NAS-Bench-201 network of one architecture (all cells share the genotype). */
final class Nb201Network implements Network {

    private final ParamStore ps;
    private final Skeleton skeleton;

    Nb201Network(Architecture a, Nb201Settings s, int inChannels, int classes, Rng rng, NDManager manager) {
        ps = new ParamStore(manager);
        skeleton = new Skeleton(ps, s, inChannels, classes, rng,
                (index, c) -> new DiscreteCell(ps, "cells." + index, c, a.ops(Nb201Cell.NAME), rng));
    }

    @Override
    public ParamStore params() {
        return ps;
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        return skeleton.<DiscreteCell>forward(x, training, (cell, h) -> cell.forward(h, training));
    }
}
