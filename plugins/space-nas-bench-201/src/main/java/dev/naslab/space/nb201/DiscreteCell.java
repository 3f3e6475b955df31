package dev.naslab.space.nb201;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.nn.ReluConvBn;
import dev.naslab.api.base.Rng;
import java.util.List;

/**
 * A NAS-Bench-201 cell of one architecture: each edge runs its op (BN affine), or sums its ops when it
 * keeps several ({@link Architecture#AND}).
 */
final class DiscreteCell {

    private final int[][] ops = new int[6][];
    private final ReluConvBn[][] convs = new ReluConvBn[6][];
    private final ParamStore ps;

    DiscreteCell(ParamStore ps, String name, int c, List<String> edgeOps, Rng rng) {
        this.ps = ps;
        for (int e = 0; e < 6; e++) {
            List<String> kept = Architecture.opsOf(edgeOps.get(e));
            ops[e] = new int[kept.size()];
            convs[e] = new ReluConvBn[kept.size()];
            for (int k = 0; k < kept.size(); k++) {
                ops[e][k] = Nb201Cell.OPS.indexOf(kept.get(k));
                if (ops[e][k] == Nb201Cell.CONV1) {
                    convs[e][k] = new ReluConvBn(ps, name + ".edge" + e + ".nor_conv_1x1", c, c, 1, 1, 0, true, rng);
                } else if (ops[e][k] == Nb201Cell.CONV3) {
                    convs[e][k] = new ReluConvBn(ps, name + ".edge" + e + ".nor_conv_3x3", c, c, 3, 1, 1, true, rng);
                }
            }
        }
    }

    NDArray forward(NDArray x, boolean training) {
        NDArray[] nodes = new NDArray[Nb201Cell.NODES];
        nodes[0] = x;
        for (int i = 1; i < Nb201Cell.NODES; i++) {
            NDArray acc = null;
            for (int j = 0; j < i; j++) {
                int e = Nb201Cell.edge(i, j);
                for (int k = 0; k < ops[e].length; k++) {
                    NDArray t = switch (ops[e][k]) {
                        case Nb201Cell.SKIP -> nodes[j];
                        case Nb201Cell.CONV1, Nb201Cell.CONV3 -> convs[e][k].forward(nodes[j], training);
                        case Nb201Cell.POOL -> Ops.avgPool3x3(nodes[j], 1, ps);
                        default -> null;
                    };
                    if (t != null) {
                        acc = acc == null ? t : acc.add(t);
                    }
                }
            }
            nodes[i] = acc == null ? x.zerosLike() : acc;
        }
        return nodes[3];
    }
}
