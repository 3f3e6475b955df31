package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.TrainingOutput;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The discrete network of a genotype (spaces-and-optimizers.md §A.7): {@code eval_channels} and
 * {@code eval_layers} cells, an auxiliary head on cell ⌊2L/3⌋ in training, drop path on op outputs.
 */
final class DartsNetwork implements Network {

    private final ParamStore ps;
    private final Macro macro;
    private final List<EvalCell> cells = new ArrayList<>();
    private final int auxIndex;
    private final AuxiliaryHead aux;
    private final long auxParameters;
    private final boolean drawsNoise;
    private Rng noise;

    DartsNetwork(Architecture a, DartsSettings s, int inChannels, int height, int classes, Rng rng, NDManager manager) {
        for (String cell : List.of(DartsCell.NORMAL, DartsCell.REDUCE)) {
            if (EvalCell.outputNodes(a.ops(cell)).isEmpty()) {
                throw new dev.naslab.api.model.UnsupportedArchitectureException("the " + cell + " cell keeps no op that "
                        + "reaches an intermediate node, so it has no output (a threshold selection that kept nothing?); "
                        + "a DARTS cell needs at least one op");
            }
        }
        ps = new ParamStore(manager);
        macro = new Macro(ps, inChannels, s.evalChannels(), s.evalLayers(), classes,
                EvalCell.outputNodes(a.ops(DartsCell.NORMAL)).size(), EvalCell.outputNodes(a.ops(DartsCell.REDUCE)).size(),
                rng);
        int size = height;
        int auxSize = 0;
        auxIndex = 2 * s.evalLayers() / 3;
        for (Macro.CellPlan plan : macro.plans()) {
            List<String> ops = a.ops(plan.reduction() ? DartsCell.REDUCE : DartsCell.NORMAL);
            cells.add(new EvalCell(ps, "cells." + plan.index(), ops, plan, rng));
            size = plan.reduction() ? (size + 1) / 2 : size;
            if (plan.index() == auxIndex) {
                auxSize = size;
            }
        }
        long before = ps.count();
        aux = new AuxiliaryHead(ps, macro.outChannels(auxIndex), auxSize, classes, rng);
        auxParameters = ps.count() - before;
        drawsNoise = a.count("noise") > 0;
        noise = Rng.derive(rng.nextLong(), "noise");
    }

    @Override
    public ParamStore params() {
        return ps;
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        return run(x, training, 0f, null).logits();
    }

    @Override
    public TrainingOutput forwardTraining(NDArray x, float dropPath, Rng rng) {
        return run(x, true, dropPath, rng);
    }

    @Override
    public long trainingOnlyParameters() {
        return auxParameters;
    }

    @Override
    public void randomSource(Rng rng) {
        this.noise = rng;
    }

    private TrainingOutput run(NDArray x, boolean training, float dropPath, Rng rng) {
        if (drawsNoise) {
            x.getManager().getEngine().setRandomSeed(noise.nextInt(Integer.MAX_VALUE));
        }
        NDArray s0 = macro.stem(x, training);
        NDArray s1 = s0;
        NDArray auxLogits = null;
        for (int i = 0; i < cells.size(); i++) {
            NDArray out = cells.get(i).forward(s0, s1, training, dropPath, rng);
            s0 = s1;
            s1 = out;
            if (i == auxIndex && rng != null) {
                auxLogits = aux.forward(s1);
            }
        }
        return new TrainingOutput(macro.classify(s1), auxLogits);
    }
}
