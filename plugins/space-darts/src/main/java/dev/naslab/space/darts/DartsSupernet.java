package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.AbstractSupernet;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The DARTS search supernet (spaces-and-optimizers.md §A.4): stem, L search cells, α_normal shared
 * by every normal cell and α_reduce by every reduction cell, global pooling and a linear head.
 */
final class DartsSupernet extends AbstractSupernet {

    private final Macro macro;
    private final List<SearchCell> cells = new ArrayList<>();
    private final boolean drawsNoise;
    private Rng noise;

    DartsSupernet(DartsSettings s, List<CellType> types, int inChannels, int classes, SupernetOptions options, Rng rng,
            NDManager manager) {
        super(new ParamStore(manager), new ArchState(types, manager, rng, 1e-3f));
        macro = new Macro(params(), inChannels, s.channels(), s.layers(), classes, rng);
        for (Macro.CellPlan plan : macro.plans()) {
            CellType t = types.get(plan.reduction() ? 1 : 0);
            cells.add(new SearchCell(params(), "cells." + plan.index(), t.name(), t.edgeOps(), plan, options, rng));
        }
        drawsNoise = types.stream().anyMatch(t -> t.ops().contains("noise"));
        noise = Rng.derive(rng.nextLong(), "noise");
    }

    @Override
    public void randomSource(Rng rng) {
        this.noise = rng;
    }

    @Override
    public NDArray forward(NDArray x, MixingWeights weights, boolean training) {
        if (drawsNoise) {
            x.getManager().getEngine().setRandomSeed(noise.nextInt(Integer.MAX_VALUE));
        }
        NDArray s0 = macro.stem(x, training);
        NDArray s1 = s0;
        for (SearchCell cell : cells) {
            NDArray out = cell.forward(s0, s1, weights, training);
            s0 = s1;
            s1 = out;
        }
        return macro.classify(s1);
    }
}
