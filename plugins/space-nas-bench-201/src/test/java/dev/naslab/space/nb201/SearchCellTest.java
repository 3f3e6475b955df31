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
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.train.Rng;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search cell against the cell written out one op per edge, as the reference's MixedOp:
 * node i = Σ_{j<i} Σ_k w[e(i,j), k] · op_k(node j), each ReLU-conv-BN with its own weights (here
 * the slot of the stacked convolution) and its own batch statistics. Checks the output and the
 * gradient reaching the mixing weights, so folding the weights into the BatchNorm is exact.
 */
class SearchCellTest {

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void equalsTheCellWrittenOutOnePerEdge(String engine) {
        int c = 3;
        Engine e = Engine.getEngine(engine);
        try (NDManager m = NDManager.newBaseManager(engine); ParamStore ps = new ParamStore(m)) {
            SearchCell cell = new SearchCell(ps, "c", c, new Rng(7));
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
            try (GradientCollector gc = e.newGradientCollector()) {
                NDArray y = cell.forward(x, MixingWeights.of(Map.of(Nb201Cell.NAME, a),
                        Map.of(Nb201Cell.NAME, active)), true);
                got = y.toFloatArray();
                gc.backward(y.mul(y).sum());
            }
            gotGrad = a.getGradient().toFloatArray();
            NDArray b = mix.duplicate();
            b.setRequiresGradient(true);
            try (GradientCollector gc = e.newGradientCollector()) {
                NDArray y = writtenOut(x, b, active, ps, c);
                want = y.toFloatArray();
                gc.backward(y.mul(y).sum());
            }
            wantGrad = b.getGradient().toFloatArray();
            assertArrayEquals(want, got, 1e-4f, "node 3");
            assertArrayEquals(wantGrad, gotGrad, 1e-3f, "gradient of the mixing weights");
        }
    }

    private static NDArray writtenOut(NDArray x, NDArray mix, boolean[][] active, ParamStore ps, int c) {
        NDArray[] nodes = new NDArray[Nb201Cell.NODES];
        nodes[0] = x;
        for (int i = 1; i < Nb201Cell.NODES; i++) {
            NDArray acc = x.zerosLike();
            for (int j = 0; j < i; j++) {
                int edge = Nb201Cell.edge(i, j);
                int slot = i - j - 1;
                NDArray in = nodes[j];
                for (int k = 1; k < 5; k++) {
                    if (!active[edge][k]) {
                        continue;
                    }
                    NDArray op = switch (k) {
                        case Nb201Cell.SKIP -> in;
                        case Nb201Cell.CONV1 -> reluConvBn(in, ps, "c.node" + j + ".nor_conv_1x1.weight", slot, c, 0);
                        case Nb201Cell.CONV3 -> reluConvBn(in, ps, "c.node" + j + ".nor_conv_3x3.weight", slot, c, 1);
                        default -> Ops.avgPool3x3(in, 1, ps);
                    };
                    acc = acc.add(op.mul(mix.get(edge, k)));
                }
            }
            nodes[i] = acc;
        }
        return nodes[3];
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
