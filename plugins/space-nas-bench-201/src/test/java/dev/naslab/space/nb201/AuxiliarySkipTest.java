package dev.naslab.space.nb201;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.base.Rng;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.nn.ParamStore;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DARTS−'s auxiliary skip connections in the NAS-Bench-201 cell, where every edge has stride 1 and the
 * connection is the identity. With only {@code skip_connect} active at weight w and the connections at β,
 * every edge multiplies its input by a = w + β, so by hand node 1 = a·x, node 2 = (a + a²)·x and the cell's
 * output node 3 = a·(x + node 1 + node 2) = a(1 + a)²·x; with edge 1 ← 0 computing nothing (no op active,
 * so no connection either) node 1 = 0 and node 3 = (a + a²)·x.
 */
class AuxiliarySkipTest {

    private static final float W = 0.5f;
    private static final float BETA = 0.25f;
    private static final float A = W + BETA;

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void identityConnectionsAddBetaTimesEachEdgesInput(String engine) {
        try (NDManager m = NDManager.newBaseManager(engine); ParamStore ps = new ParamStore(m)) {
            SearchCell cell = new SearchCell(ps, "c", 4, SupernetOptions.AUXILIARY_SKIP, new Rng(7));
            NDArray x = m.randomNormal(new Shape(2, 4, 5, 5));
            float[] in = x.toFloatArray();
            assertArrayEquals(scaled(in, A * (1 + A) * (1 + A)), forward(cell, x, m, false), 1e-5f);
            assertArrayEquals(scaled(in, A + A * A), forward(cell, x, m, true), 1e-5f);
            SearchCell plain = new SearchCell(ps, "p", 4, SupernetOptions.NONE, new Rng(7));
            assertThrows(IllegalStateException.class, () -> forward(plain, x, m, false));
        }
    }

    private static float[] forward(SearchCell cell, NDArray x, NDManager m, boolean firstEdgeEmpty) {
        float[] v = new float[6 * 5];
        boolean[][] active = new boolean[6][5];
        for (int e = 0; e < 6; e++) {
            if (firstEdgeEmpty && e == Nb201Cell.edge(1, 0)) {
                continue;
            }
            v[e * 5 + Nb201Cell.SKIP] = W;
            active[e][Nb201Cell.SKIP] = true;
        }
        MixingWeights w = MixingWeights.of(Map.of(Nb201Cell.NAME, m.create(v, new Shape(6, 5))),
                Map.of(Nb201Cell.NAME, active)).withAuxiliarySkip(BETA);
        return cell.forward(x, w, true).toFloatArray();
    }

    private static float[] scaled(float[] x, float f) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * f;
        }
        return out;
    }
}
