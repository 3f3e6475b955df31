package dev.naslab.space.darts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.base.Rng;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.model.SupernetOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DARTS−'s auxiliary skip connections in the DARTS space. On a stride-1 edge the connection is the
 * identity, on a stride-2 edge a factorized reduction like {@code skip_connect}'s: so with the
 * reductions' weights copied from the {@code skip_connect} stacks, a pass with β equals a pass without it
 * whose {@code skip_connect} weights are raised by β on every edge.
 */
class AuxiliarySkipTest {

    @Test
    void theAuxiliarySkipIsSkipConnectWithBetaAddedToItsWeight() {
        DartsSettings s = new DartsSettings(4, 3, "darts", null, null);
        DartsSpace space = new DartsSpace();
        List<CellType> types = space.cellTypes(s);
        float beta = 0.37f;
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = space.supernet(s, new InputShape(1, 8, 8), 10, SupernetOptions.AUXILIARY_SKIP,
                        new Rng(0), m);
                Supernet plain = space.supernet(s, new InputShape(1, 8, 8), 10, new Rng(0), m)) {
            Map<String, NDArray> weights = net.params().weights();
            int copied = 0;
            for (Map.Entry<String, NDArray> e : weights.entrySet()) {
                if (e.getKey().contains(".auxiliary_skip.")) {
                    NDArray skip = weights.get(e.getKey().replace(".auxiliary_skip.", ".skip_connect."));
                    assertTrue(skip != null, "a skip_connect stack beside " + e.getKey());
                    assertEquals(skip.getShape(), e.getValue().getShape(), e.getKey());
                    e.getValue().muli(0).addi(skip);
                    copied++;
                }
            }
            assertEquals(2 * 2 * 2, copied, "two reduction cells, states 0 and 1, conv_1 and conv_2");
            // reduction cells of 8 and 16 channels; per state 2 convolutions of 4 copies × C/2 outputs × C inputs
            assertEquals(plain.params().count() + 2 * 2 * 4 * 4 * 8 + 2 * 2 * 4 * 8 * 16, net.params().count());
            Rng r = new Rng(3);
            Map<String, NDArray> soft = new LinkedHashMap<>();
            Map<String, NDArray> raised = new LinkedHashMap<>();
            Map<String, boolean[][]> active = new LinkedHashMap<>();
            for (CellType t : types) {
                int edges = t.edges().size();
                int ops = t.ops().size();
                float[] w = new float[edges * ops];
                float[] up = new float[w.length];
                boolean[][] on = new boolean[edges][ops];
                int skipColumn = t.ops().indexOf("skip_connect");
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (0.05 + 0.2 * r.nextDouble());
                    up[i] = w[i] + (i % ops == skipColumn ? beta : 0);
                    on[i / ops][i % ops] = true;
                }
                soft.put(t.name(), m.create(w, new Shape(edges, ops)));
                raised.put(t.name(), m.create(up, new Shape(edges, ops)));
                active.put(t.name(), on);
            }
            NDArray x = m.randomNormal(new Shape(3, 1, 8, 8));
            float[] withSkip = net.forward(x, MixingWeights.of(soft, active).withAuxiliarySkip(beta), true).toFloatArray();
            float[] raisedSkip = net.forward(x, MixingWeights.of(raised, active), true).toFloatArray();
            float[] without = net.forward(x, MixingWeights.of(soft, active), true).toFloatArray();
            double diff = 0;
            for (int i = 0; i < withSkip.length; i++) {
                assertEquals(raisedSkip[i], withSkip[i], 1e-4 * Math.max(1, Math.abs(raisedSkip[i])), "logit " + i);
                diff = Math.max(diff, Math.abs(withSkip[i] - without[i]));
            }
            assertTrue(diff > 1e-3, "the connection changes the logits: " + diff);
            assertThrows(IllegalStateException.class,
                    () -> plain.forward(x, MixingWeights.of(soft, active).withAuxiliarySkip(beta), true),
                    "a supernet built without the connections refuses weights that ask for them");
        }
    }
}
