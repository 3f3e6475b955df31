package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.nn.BatchNorm2d;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.nn.ReluConvBn;
import dev.naslab.api.base.Rng;
import java.util.List;

/**
 * The straightforward DARTS search cell, one op object per edge and candidate, kept as the
 * reference that {@link SearchCell}'s batched computation is tested against. Every edge mixes its
 * candidates with the cell type's weights; all BNs are non-affine and each pooling op is followed
 * by a BN, as in the reference supernet.
 *
 * <p>Work shared between the edges leaving one state is done once: the ReLU that every
 * convolution (and the stride-2 skip) starts with, and each pooling with its BN. A non-affine BN
 * on batch statistics has no parameters, so one pool+BN per source state gives every outgoing
 * edge exactly the output of its own; only the running statistics are shared. Ops whose weight is
 * exactly 0 (masked, decided away, {@code none}) are not computed.
 */
final class PerEdgeSearchCell {

    private final String type;
    private final boolean reduction;
    private final FactorizedReduce reducePre0;
    private final ReluConvBn convPre0;
    private final ReluConvBn pre1;
    private final List<List<String>> edgeOps;
    private final OpFactory.Activated[][] ops;
    private final BatchNorm2d[] maxBn = new BatchNorm2d[5];
    private final BatchNorm2d[] avgBn = new BatchNorm2d[5];
    private final ParamStore ps;
    private final int k;

    PerEdgeSearchCell(ParamStore ps, String name, String type, List<List<String>> edgeOps, Macro.CellPlan plan, int partial,
            Rng rng) {
        this.ps = ps;
        this.k = partial;
        this.type = type;
        this.reduction = plan.reduction();
        this.edgeOps = edgeOps;
        int c = plan.channels();
        if (plan.reductionPrev()) {
            reducePre0 = new FactorizedReduce(ps, name + ".preprocess0", plan.prevPrev(), c, 1, false, rng);
            convPre0 = null;
        } else {
            reducePre0 = null;
            convPre0 = new ReluConvBn(ps, name + ".preprocess0", plan.prevPrev(), c, 1, 1, 0, false, rng);
        }
        pre1 = new ReluConvBn(ps, name + ".preprocess1", plan.prev(), c, 1, 1, 0, false, rng);
        c /= partial;
        ops = new OpFactory.Activated[DartsCell.EDGES][];
        for (int to = 2; to < 2 + DartsCell.STEPS; to++) {
            for (int from = 0; from < to; from++) {
                int e = DartsCell.edge(to, from);
                int stride = DartsCell.stride(reduction, from);
                List<String> cand = edgeOps.get(e);
                ops[e] = new OpFactory.Activated[cand.size()];
                for (int k = 0; k < cand.size(); k++) {
                    String op = cand.get(k);
                    ops[e][k] = OpFactory.build(ps, name + ".edge" + e, op, c, stride, false, rng);
                    if (op.equals("max_pool_3x3") && maxBn[from] == null) {
                        maxBn[from] = new BatchNorm2d(ps, name + ".state" + from + ".max_pool_3x3.bn", c, false);
                    }
                    if (op.equals("avg_pool_3x3") && avgBn[from] == null) {
                        avgBn[from] = new BatchNorm2d(ps, name + ".state" + from + ".avg_pool_3x3.bn", c, false);
                    }
                }
            }
        }
    }

    NDArray forward(NDArray s0, NDArray s1, MixingWeights w, boolean training) {
        NDArray[] states = new NDArray[2 + DartsCell.STEPS];
        NDArray[] relu = new NDArray[5];
        NDArray[] maxPooled = new NDArray[5];
        NDArray[] avgPooled = new NDArray[5];
        NDArray r0 = Ops.relu(s0);
        states[0] = reducePre0 != null ? reducePre0.forwardActivated(r0, training) : convPre0.forwardActivated(r0, training);
        states[1] = pre1.forward(s1, training);
        for (int to = 2; to < states.length; to++) {
            NDArray acc = null;
            for (int from = 0; from < to; from++) {
                int e = DartsCell.edge(to, from);
                int stride = DartsCell.stride(reduction, from);
                List<String> cand = edgeOps.get(e);
                NDArray mixed = null;
                long part = states[from].getShape().get(1) / this.k;
                for (int k = 0; k < cand.size(); k++) {
                    if (!w.active(type, e, k)) {
                        continue;
                    }
                    NDArray x = states[from].get(new ai.djl.ndarray.index.NDIndex(":, :{}", part));
                    NDArray out;
                    switch (cand.get(k)) {
                        case "none" -> out = null;
                        case "noise" -> out = OpFactory.noise(x, stride);
                        case "max_pool_3x3" -> {
                            if (maxPooled[from] == null) {
                                maxPooled[from] = maxBn[from].forward(OpFactory.maxPool(x, stride), training);
                            }
                            out = maxPooled[from];
                        }
                        case "avg_pool_3x3" -> {
                            if (avgPooled[from] == null) {
                                avgPooled[from] = avgBn[from].forward(OpFactory.avgPool(x, stride, ps), training);
                            }
                            out = avgPooled[from];
                        }
                        default -> {
                            if (ops[e][k] == null) {
                                out = x; // skip_connect at stride 1
                            } else {
                                if (relu[from] == null) {
                                    relu[from] = Ops.relu(x);
                                }
                                out = ops[e][k].apply(relu[from], training);
                            }
                        }
                    }
                    if (out != null) {
                        NDArray term = w.weigh(type, e, k, out);
                        mixed = mixed == null ? term : mixed.add(term);
                    }
                }
                if (mixed != null) {
                    NDArray edge = this.k == 1 ? mixed : pcDartsJoin(mixed, states[from], part);
                    edge = w.hasEdgeWeights(type) ? edge.mul(w.edgeWeight(type, e)) : edge;
                    acc = acc == null ? edge : acc.add(edge);
                }
            }
            states[to] = acc != null ? acc : OpFactory.zeros(states[1], reduction ? 2 : 1);
        }
        return NDArrays.concat(new NDList(states[2], states[3], states[4], states[5]), 1);
    }

    /**
     * The reference MixedOp's tail (PC-DARTS model_search.py): cat(mixture, bypass) with the bypass
     * max-pooled 2×2 where the mixture is smaller, then channel_shuffle as view, transpose, view.
     */
    private NDArray pcDartsJoin(NDArray mixed, NDArray x, long part) {
        NDArray bypass = x.get(new ai.djl.ndarray.index.NDIndex(":, {}:", part));
        if (mixed.getShape().get(2) != x.getShape().get(2)) {
            bypass = ai.djl.nn.pooling.Pool.maxPool2d(bypass, new ai.djl.ndarray.types.Shape(2, 2),
                    new ai.djl.ndarray.types.Shape(2, 2), new ai.djl.ndarray.types.Shape(0, 0), false);
        }
        NDArray joined = NDArrays.concat(new NDList(mixed, bypass), 1);
        ai.djl.ndarray.types.Shape s = joined.getShape();
        return joined.reshape(s.get(0), k, s.get(1) / k, s.get(2), s.get(3)).transpose(0, 2, 1, 3, 4).reshape(s);
    }
}
