package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.nn.ReluConvBn;
import dev.naslab.api.base.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell of the discrete network (spaces-and-optimizers.md §A.7): each intermediate node sums the
 * ops of its kept input edges; BNs are affine and pools have no BN. In training with drop path,
 * every op output except identities is dropped per sample with probability p and kept ones are
 * scaled by 1/(1−p).
 *
 * <p>An edge may keep several ops ({@link Architecture#AND}, FairDARTS), which are summed. A node
 * that no kept edge reaches from the cell's inputs is left out, and so are the ops that would read it:
 * the cell outputs the concatenation of the nodes that remain ({@link #outputNodes}), as FairDARTS's
 * {@code DCOCell} does, so the next cell's input width follows the architecture. (The reference
 * DCOCell drops path per node output; naslab keeps DARTS's per-op drop path for every cell.)
 */
final class EvalCell {

    private final boolean reduction;
    private final FactorizedReduce reducePre0;
    private final ReluConvBn convPre0;
    private final ReluConvBn pre1;
    private final List<List<String>> ops = new ArrayList<>();
    private final List<List<OpFactory.Activated>> built = new ArrayList<>();
    private final List<Integer> outputs;
    private final ParamStore ps;

    EvalCell(ParamStore ps, String name, List<String> edgeOps, Macro.CellPlan plan, Rng rng) {
        this.ps = ps;
        this.reduction = plan.reduction();
        this.outputs = outputNodes(edgeOps);
        int c = plan.channels();
        if (plan.reductionPrev()) {
            reducePre0 = new FactorizedReduce(ps, name + ".preprocess0", plan.prevPrev(), c, 1, true, rng);
            convPre0 = null;
        } else {
            reducePre0 = null;
            convPre0 = new ReluConvBn(ps, name + ".preprocess0", plan.prevPrev(), c, 1, 1, 0, true, rng);
        }
        pre1 = new ReluConvBn(ps, name + ".preprocess1", plan.prev(), c, 1, 1, 0, true, rng);
        boolean[] present = present(edgeOps);
        for (int e = 0; e < DartsCell.EDGES; e++) {
            int from = DartsCell.edges().get(e).from();
            List<String> kept = present[from] ? Architecture.opsOf(edgeOps.get(e)) : List.of();
            List<OpFactory.Activated> layers = new ArrayList<>();
            for (String op : kept) {
                layers.add(OpFactory.build(ps, name + ".edge" + e, op, c, DartsCell.stride(reduction, from), true, rng));
            }
            ops.add(kept);
            built.add(layers);
        }
    }

    /**
     * Which states a kept edge reaches from the cell's inputs (0 and 1 always), by edge entries. An edge
     * kept with {@code none} counts: its node exists and outputs zeros, as DARTS's {@code Zero} op.
     */
    private static boolean[] present(List<String> edgeOps) {
        boolean[] present = new boolean[2 + DartsCell.STEPS];
        present[0] = true;
        present[1] = true;
        for (int to = 2; to < present.length; to++) {
            for (int from = 0; from < to && !present[to]; from++) {
                present[to] = present[from] && !edgeOps.get(DartsCell.edge(to, from)).equals(Architecture.REMOVED);
            }
        }
        return present;
    }

    /** {@return the intermediate nodes (states 2..5) the cell outputs: those a kept op reaches} */
    static List<Integer> outputNodes(List<String> edgeOps) {
        boolean[] present = present(edgeOps);
        List<Integer> out = new ArrayList<>();
        for (int to = 2; to < present.length; to++) {
            if (present[to]) {
                out.add(to);
            }
        }
        return out;
    }

    NDArray forward(NDArray s0, NDArray s1, boolean training, float dropPath, Rng rng) {
        NDArray[] states = new NDArray[2 + DartsCell.STEPS];
        NDArray r0 = Ops.relu(s0);
        states[0] = reducePre0 != null ? reducePre0.forwardActivated(r0, training) : convPre0.forwardActivated(r0, training);
        states[1] = pre1.forward(s1, training);
        for (int to : outputs) {
            NDArray acc = null;
            for (int from = 0; from < to; from++) {
                int e = DartsCell.edge(to, from);
                int stride = DartsCell.stride(reduction, from);
                List<String> kept = ops.get(e);
                for (int k = 0; k < kept.size(); k++) {
                    NDArray x = states[from];
                    String op = kept.get(k);
                    OpFactory.Activated layer = built.get(e).get(k);
                    NDArray out = switch (op) {
                        case "noise" -> OpFactory.noise(x, stride);
                        case "max_pool_3x3" -> OpFactory.maxPool(x, stride);
                        case "avg_pool_3x3" -> OpFactory.avgPool(x, stride, ps);
                        default -> layer == null ? x : layer.apply(Ops.relu(x), training);
                    };
                    boolean identity = layer == null && op.equals("skip_connect");
                    if (training && dropPath > 0f && !identity) {
                        out = dropPath(out, dropPath, rng);
                    }
                    acc = acc == null ? out : acc.add(out);
                }
            }
            states[to] = acc != null ? acc : OpFactory.zeros(states[1], reduction ? 2 : 1);
        }
        NDList out = new NDList();
        for (int to : outputs) {
            out.add(states[to]);
        }
        return out.size() == 1 ? out.singletonOrThrow() : NDArrays.concat(out, 1);
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
