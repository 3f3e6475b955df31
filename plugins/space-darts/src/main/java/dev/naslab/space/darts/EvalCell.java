package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.nn.ReluConvBn;
import dev.naslab.api.train.Rng;
import java.util.List;

/**
 * A cell of the discrete network (spaces-and-optimizers.md §A.7): each intermediate node sums the
 * ops of its kept input edges; BNs are affine and pools have no BN. In training with drop path,
 * every op output except identities is dropped per sample with probability p and kept ones are
 * scaled by 1/(1−p).
 */
final class EvalCell {

    private final boolean reduction;
    private final FactorizedReduce reducePre0;
    private final ReluConvBn convPre0;
    private final ReluConvBn pre1;
    private final List<String> ops;
    private final OpFactory.Activated[] built = new OpFactory.Activated[DartsCell.EDGES];
    private final ParamStore ps;

    EvalCell(ParamStore ps, String name, List<String> edgeOps, Macro.CellPlan plan, Rng rng) {
        this.ps = ps;
        this.reduction = plan.reduction();
        this.ops = edgeOps;
        int c = plan.channels();
        if (plan.reductionPrev()) {
            reducePre0 = new FactorizedReduce(ps, name + ".preprocess0", plan.prevPrev(), c, 1, true, rng);
            convPre0 = null;
        } else {
            reducePre0 = null;
            convPre0 = new ReluConvBn(ps, name + ".preprocess0", plan.prevPrev(), c, 1, 1, 0, true, rng);
        }
        pre1 = new ReluConvBn(ps, name + ".preprocess1", plan.prev(), c, 1, 1, 0, true, rng);
        for (int e = 0; e < DartsCell.EDGES; e++) {
            String op = edgeOps.get(e);
            if (!op.equals(Architecture.REMOVED)) {
                int from = DartsCell.edges().get(e).from();
                built[e] = OpFactory.build(ps, name + ".edge" + e, op, c, DartsCell.stride(reduction, from), true, rng);
            }
        }
    }

    NDArray forward(NDArray s0, NDArray s1, boolean training, float dropPath, Rng rng) {
        NDArray[] states = new NDArray[2 + DartsCell.STEPS];
        NDArray r0 = Ops.relu(s0);
        states[0] = reducePre0 != null ? reducePre0.forwardActivated(r0, training) : convPre0.forwardActivated(r0, training);
        states[1] = pre1.forward(s1, training);
        for (int to = 2; to < states.length; to++) {
            NDArray acc = null;
            for (int from = 0; from < to; from++) {
                int e = DartsCell.edge(to, from);
                String op = ops.get(e);
                if (op.equals(Architecture.REMOVED) || op.equals("none")) {
                    continue;
                }
                int stride = DartsCell.stride(reduction, from);
                NDArray x = states[from];
                NDArray out = switch (op) {
                    case "noise" -> OpFactory.noise(x, stride);
                    case "max_pool_3x3" -> OpFactory.maxPool(x, stride);
                    case "avg_pool_3x3" -> OpFactory.avgPool(x, stride, ps);
                    default -> built[e] == null ? x : built[e].apply(Ops.relu(x), training);
                };
                boolean identity = built[e] == null && op.equals("skip_connect");
                if (training && dropPath > 0f && !identity) {
                    out = dropPath(out, dropPath, rng);
                }
                acc = acc == null ? out : acc.add(out);
            }
            states[to] = acc != null ? acc : OpFactory.zeros(states[1], reduction ? 2 : 1);
        }
        return NDArrays.concat(new NDList(states[2], states[3], states[4], states[5]), 1);
    }

    /** Per-sample drop path: keep each sample with probability 1−p, scaled by 1/(1−p). */
    static NDArray dropPath(NDArray x, float p, Rng rng) {
        int n = (int) x.getShape().get(0);
        float keep = 1f - p;
        float[] mask = new float[n];
        for (int i = 0; i < n; i++) {
            mask[i] = rng.nextDouble() < keep ? 1f / keep : 0f;
        }
        return x.mul(x.getManager().create(mask, new Shape(n, 1, 1, 1)));
    }
}
