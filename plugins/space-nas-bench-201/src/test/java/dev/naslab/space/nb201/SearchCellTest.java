package dev.naslab.space.nb201;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search cell against the cell written out one op per edge, as the reference's MixedOp:
 * node i = Σ_{j<i} Σ_k w[e(i,j), k] · op_k(node j), each ReLU-conv-BN with its own weights (here
 * the slot of the stacked convolution) and its own batch statistics. Checks the output and the
 * gradient reaching the mixing weights, so folding the weights into the BatchNorm is exact. With
 * partial channels (PC-DARTS's MixedOp) each edge mixes its ops on the first C/k channels of node j,
 * concatenates the rest, shuffles the channels (written out here as the permutation
 * {@code out[o] = in[(o mod k)·C/k + o div k]}) and is multiplied by its edge weight.
 */
class SearchCellTest {

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void equalsTheCellWrittenOutOnePerEdge(String engine) {
        check(engine, 3, 1, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void withPartialChannelsAndEdgeWeightsEqualsPcDartsMixedOpsWrittenOut(String engine) {
        check(engine, 6, 3, new float[] {0.6f, 0.4f, 1.0f, 0.2f, 0.5f, 0.3f});
    }

    private static void check(String engine, int c, int k, float[] edgeWeights) {
        Engine e = Engine.getEngine(engine);
        try (NDManager m = NDManager.newBaseManager(engine); ParamStore ps = new ParamStore(m)) {
            SearchCell cell = new SearchCell(ps, "c", c, new SupernetOptions(k), new Rng(7));
            NDArray x = m.randomNormal(new Shape(4, c, 5, 5));
            // weights with some exact zeros (none, a masked op) and a decided edge (exactly one)
            NDArray mix = m.create(new float[] {
                0.1f, 0.2f, 0.3f, 0.15f, 0.25f,
                0.0f, 0.5f, 0.0f, 0.3f, 0.2f,
                0.3f, 0.1f, 0.2f, 0.2f, 0.2f,
                0.0f, 0.0f, 0.0f, 1.0f, 0.0f,
                0.05f, 0.15f, 0.4f, 0.2f, 0.2f,
                0.2f, 0.2f, 0.2f, 0.2f, 0.2f}, new Shape(6, 5));
            boolean[][] active = new boolean[6][5];
            float[] v = mix.toFloatArray();
            for (int i = 0; i < 30; i++) {
                active[i / 5][i % 5] = v[i] != 0f;
            }
            float[] got;
            float[] gotGrad;
            float[] want;
            float[] wantGrad;
            NDArray a = mix.duplicate();
            a.setRequiresGradient(true);
            NDArray ea = edgeWeights == null ? null : m.create(edgeWeights);
            NDArray eb = edgeWeights == null ? null : m.create(edgeWeights);
            if (ea != null) {
                ea.setRequiresGradient(true);
                eb.setRequiresGradient(true);
            }
            try (GradientCollector gc = e.newGradientCollector()) {
                MixingWeights w = MixingWeights.of(Map.of(Nb201Cell.NAME, a), Map.of(Nb201Cell.NAME, active));
                NDArray y = cell.forward(x, ea == null ? w : w.withEdgeWeights(Map.of(Nb201Cell.NAME, ea)), true);
                got = y.toFloatArray();
                gc.backward(y.mul(y).sum());
            }
            gotGrad = a.getGradient().toFloatArray();
            NDArray b = mix.duplicate();
            b.setRequiresGradient(true);
            try (GradientCollector gc = e.newGradientCollector()) {
                NDArray y = writtenOut(x, b, eb, active, ps, c, k);
                want = y.toFloatArray();
                gc.backward(y.mul(y).sum());
            }
            wantGrad = b.getGradient().toFloatArray();
            assertArrayEquals(want, got, 1e-4f, "node 3");
            assertArrayEquals(wantGrad, gotGrad, 1e-3f, "gradient of the mixing weights");
            if (ea != null) {
                assertArrayEquals(eb.getGradient().toFloatArray(), ea.getGradient().toFloatArray(), 1e-3f,
                        "gradient of the edge weights");
            }
        }
    }

    private static NDArray writtenOut(NDArray x, NDArray mix, NDArray edgeWeights, boolean[][] active, ParamStore ps,
            int c, int k) {
        int part = c / k;
        NDArray[] nodes = new NDArray[Nb201Cell.NODES];
        nodes[0] = x;
        for (int i = 1; i < Nb201Cell.NODES; i++) {
            NDArray acc = x.zerosLike();
            for (int j = 0; j < i; j++) {
                int edge = Nb201Cell.edge(i, j);
                int slot = i - j - 1;
                NDArray in = nodes[j].get(new NDIndex(":, 0:" + part));
                NDArray mixed = in.zerosLike();
                for (int op = 1; op < 5; op++) {
                    if (!active[edge][op]) {
                        continue;
                    }
                    NDArray y = switch (op) {
                        case Nb201Cell.SKIP -> in;
                        case Nb201Cell.CONV1 -> reluConvBn(in, ps, "c.node" + j + ".nor_conv_1x1.weight", slot, part, 0);
                        case Nb201Cell.CONV3 -> reluConvBn(in, ps, "c.node" + j + ".nor_conv_3x3.weight", slot, part, 1);
                        default -> Ops.avgPool3x3(in, 1, ps);
                    };
                    mixed = mixed.add(y.mul(mix.get(edge, op)));
                }
                NDArray whole = k == 1 ? mixed
                        : shuffled(ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(mixed,
                                nodes[j].get(new NDIndex(":, " + part + ":"))), 1), k);
                acc = acc.add(edgeWeights == null ? whole : whole.mul(edgeWeights.get(edge)));
            }
            nodes[i] = acc;
        }
        return nodes[3];
    }

    /** Channel shuffle as a permutation: output channel o is input channel (o mod k)·C/k + o div k. */
    private static NDArray shuffled(NDArray x, int k) {
        int c = (int) x.getShape().get(1);
        long[] order = new long[c];
        for (int o = 0; o < c; o++) {
            order[o] = (long) (o % k) * (c / k) + o / k;
        }
        ai.djl.ndarray.NDList channels = new ai.djl.ndarray.NDList();
        for (long ch : order) {
            channels.add(x.get(new NDIndex(":, {}:{}", ch, ch + 1)));
        }
        return ai.djl.ndarray.NDArrays.concat(channels, 1);
    }

    /** ReLU → this edge's slice of the stacked convolution → non-affine BN with batch statistics. */
    private static NDArray reluConvBn(NDArray in, ParamStore ps, String weight, int slot, int c, int padding) {
        NDArray w = ps.weights().get(weight).get(new NDIndex(slot * c + ":" + (slot + 1) * c));
        NDArray y = ai.djl.nn.convolutional.Conv2d.conv2d(Ops.relu(in), w, null, new Shape(1, 1),
                new Shape(padding, padding), new Shape(1, 1), 1).singletonOrThrow();
        NDManager m = in.getManager();
        NDArray mean = m.zeros(new Shape(c));
        NDArray var = m.ones(new Shape(c));
        return BatchNorm.batchNorm(y, mean, var, m.ones(new Shape(c)), m.zeros(new Shape(c)), 1, 0.9f, 1e-5f, true)
                .singletonOrThrow();
    }
}
