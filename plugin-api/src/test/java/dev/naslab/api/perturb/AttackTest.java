package dev.naslab.api.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.AbstractSupernet;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SDARTS-ADV's accept rule on a toy supernet: one edge mixes x and −x into h = (p_a − p_b)·x, and
 * the logits are [0, 10h²]. At α = 0 (p = ½, ½) h = 0: with label 1 the loss is at its maximum, so
 * no perturbation can raise it and the attack is rejected; with label 0 it is at its minimum and the
 * attack raises it and is kept.
 */
class AttackTest {

    static final CellType CELL = new CellType("cell", List.of(new Edge(0, 1)), List.of("a", "b"), 0);

    static final class Toy extends AbstractSupernet {
        Toy(NDManager m) {
            super(new ParamStore(m), new ArchState(List.of(CELL), m, new Rng(0), 0f));
        }

        @Override
        public NDArray forward(NDArray x, MixingWeights w, boolean training) {
            NDArray h = w.weigh("cell", 0, 0, x).add(w.weigh("cell", 0, 1, x.neg()));
            return NDArrays.concat(new NDList(h.mul(0f), h.square().mul(10f)), 1);
        }
    }

    static Batch batch(NDManager m, int label) {
        float[] onehot = new float[8];
        int[] labels = new int[4];
        for (int i = 0; i < 4; i++) {
            onehot[i * 2 + label] = 1f;
            labels[i] = label;
        }
        return new Batch(m.create(new float[] {1f, 0.5f, -1f, 2f}, new Shape(4, 1)), m.create(onehot, new Shape(4, 2)),
                labels);
    }

    @Test
    void anAttackThatCannotRaiseTheLossIsRejected() {
        try (NDManager m = NDManager.newBaseManager(); Toy net = new Toy(m)) {
            Perturbation.Attack a = Perturbation.adversarial(net, batch(m, 1), 0.3, 7, new Rng(4));
            assertFalse(a.kept(), "loss " + a.lossBefore() + " -> " + a.lossAfter());
            assertTrue(a.lossAfter() < a.lossBefore());
            assertEquals(Math.log(2), a.lossBefore(), 1e-6);
            assertArrayEquals(new float[] {0.5f, 0.5f}, a.weights().get("cell")[0], 0f, "the clean weights are used");
        }
    }

    @Test
    void anAttackThatRaisesTheLossIsKeptWithinTheBall() {
        try (NDManager m = NDManager.newBaseManager(); Toy net = new Toy(m)) {
            Perturbation.Attack a = Perturbation.adversarial(net, batch(m, 0), 0.3, 7, new Rng(4));
            assertTrue(a.kept(), "loss " + a.lossBefore() + " -> " + a.lossAfter());
            assertTrue(a.lossAfter() > a.lossBefore());
            float[] p = a.weights().get("cell")[0];
            assertEquals(1f, p[0] + p[1], 1e-6f);
            // within the L-infinity ball of radius 0.3 around (0.5, 0.5), up to the renormalisation of Π
            assertTrue(Math.abs(p[0] - 0.5f) <= 0.3f + 1e-6f && Math.abs(p[1] - 0.5f) <= 0.3f + 1e-6f,
                    java.util.Arrays.toString(p));
            assertTrue(Math.abs(p[0] - p[1]) > 0.3f, "the attack moved far from h = 0: " + java.util.Arrays.toString(p));
        }
    }

    @Test
    void randomPerturbationStaysInTheBallAndLeavesDecidedRowsAlone() {
        CellType two = new CellType("cell", List.of(new Edge(0, 1), new Edge(0, 2)), List.of("a", "b", "c"), 0);
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(List.of(two), m, new Rng(1), 0f)) {
            arch.fixOp("cell", 1, 2);
            Map<String, float[][]> p = Perturbation.random(arch, 0.1, new Rng(2));
            float[] row = p.get("cell")[0];
            float sum = 0;
            for (float v : row) {
                assertTrue(Math.abs(v - 1f / 3) <= 0.1f / (1 - 0.3f) + 1e-6, java.util.Arrays.toString(row));
                sum += v;
            }
            assertEquals(1f, sum, 1e-6f);
            assertArrayEquals(new float[] {0f, 0f, 1f}, p.get("cell")[1], 0f);
        }
    }
}
