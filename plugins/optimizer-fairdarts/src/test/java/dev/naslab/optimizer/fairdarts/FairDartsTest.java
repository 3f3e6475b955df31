package dev.naslab.optimizer.fairdarts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.naslab.api.SettingException;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.base.Rng;
import dev.naslab.space.darts.DartsSettings;
import dev.naslab.space.darts.DartsSpace;
import dev.naslab.space.nb201.Nb201Settings;
import dev.naslab.space.nb201.Nb201Space;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.TestSearchState;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FairDartsTest {

    private static final CellType ONE_EDGE = new CellType("c", List.of(new Edge(0, 1)), List.of("a", "b"), 0);

    /**
     * α = (0, ln 3): σ = (½, ¾). l2: −10·mean(0², ¼²) = −0.3125, ∂/∂α₁ = −10·(2/2)·¼·σ(1−σ) = −10·¼·3/16 =
     * −0.46875. l1: −10·mean(0, ¼) = −1.25, ∂/∂α₁ = −10·(1/2)·3/16 = −0.9375. At σ = ½ both gradients are 0.
     */
    @ParameterizedTest
    @CsvSource({"l2, -0.3125, -0.46875", "l1, -1.25, -0.9375"})
    void zeroOneLossAndItsGradientAreTheHandValues(String kind, float value, float gradient) {
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(List.of(ONE_EDGE), m, new Rng(0), 0f)) {
            arch.alpha("c").muli(0).addi(m.create(new float[] {0, (float) Math.log(3)}).reshape(1, 2));
            try (NDManager pass = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray t = ZeroOneLoss.term(arch, kind, 10).value(pass);
                assertEquals(value, t.getFloat(), 1e-6f);
                gc.backward(t);
            }
            assertArrayEquals(new float[] {0, gradient}, arch.alpha("c").getGradient().toFloatArray(), 1e-6f);
            assertEquals(value / 10, ZeroOneLoss.value(arch, kind), 1e-7);
        }
    }

    /**
     * A NAS-Bench-201 cell, ops none, skip, conv1x1, conv3x3, pool, with hand strengths: edge 0 has no op at
     * 0.85 or above (kept: none), edge 1 one, edge 2 three (and none's 0.99, which is never kept); with
     * at most one op per edge (the reference's threshold_sparse) edge 2 keeps its strongest alone.
     */
    @Test
    void thresholdSelectionKeepsNoneOneOrSeveralOpsPerEdge() {
        CellType cell = new Nb201Space().cellTypes(new Nb201Settings(null, null)).get(0);
        float[][] s = {
            {0.1f, 0.84f, 0.5f, 0.2f, 0.3f},
            {0.1f, 0.2f, 0.9f, 0.3f, 0.4f},
            {0.99f, 0.86f, 0.95f, 0.9f, 0.1f},
            {0.1f, 0.1f, 0.1f, 0.85f, 0.1f},
            {0.1f, 0.1f, 0.1f, 0.1f, 0.1f},
            {0.1f, 0.1f, 0.1f, 0.1f, 0.1f}};
        List<String> all = ThresholdSelection.select(cell, s, 0.85, 5);
        assertEquals(List.of("none", "nor_conv_1x1", "skip_connect&nor_conv_1x1&nor_conv_3x3", "nor_conv_3x3", "none",
                "none"), all);
        assertEquals("nor_conv_1x1", ThresholdSelection.select(cell, s, 0.85, 1).get(2));
        assertEquals("nor_conv_1x1&nor_conv_3x3", ThresholdSelection.select(cell, s, 0.85, 2).get(2),
                "the two strongest, in op order");
    }

    /**
     * DARTS normal cell (no none, s5), every strength 0.5 but: node 2 keeps both its edges, edge 0 with one op
     * at 0.9, edge 1 with none (removed). Node 3 ranks its edges by their strongest op, edge 4 (0.99), edge 2
     * (0.84), edge 3 (0.8), so it considers edges 4 and 2 (the reference's threshold_sparse order, passing or
     * not): edge 4 keeps its two ops at 0.99 and 0.86, edge 2 none (removed), edge 3 is not considered.
     */
    @Test
    void onDartsCellsTheStrongestEdgesAreConsideredFirst() {
        CellType normal = new DartsSpace().cellTypes(new DartsSettings(null, null, "s5", null, null)).get(0);
        float[][] s = new float[14][7];
        for (float[] row : s) {
            java.util.Arrays.fill(row, 0.5f);
        }
        s[0][3] = 0.9f;
        s[2][1] = 0.84f;
        s[3][4] = 0.8f;
        s[4][5] = 0.99f;
        s[4][6] = 0.86f;
        List<String> out = ThresholdSelection.select(normal, s, 0.85, 7);
        assertEquals(normal.ops(0).get(3), out.get(0));
        assertEquals("-", out.get(1), "edge 1 has no op at 0.85");
        assertEquals("-", out.get(2), "edge 2 is considered but keeps nothing");
        assertEquals("-", out.get(3), "edge 3 is not among node 3's two strongest edges");
        assertEquals(normal.ops(4).get(5) + "&" + normal.ops(4).get(6), out.get(4));
        assertEquals(normal.ops(4).get(5), ThresholdSelection.select(normal, s, 0.85, 1).get(4));
    }

    @Test
    void settingsHaveTheReferenceDefaultsAndRefuseAThresholdOutsideTheUnitInterval() {
        FairDartsSettings f = new FairDartsSettings(null, null, null, null, null, null, null, null, null, null, null,
                null, null);
        assertEquals(128, f.batchSize());
        assertEquals(0.005, f.lr());
        assertEquals(3e-3, f.archLr());
        assertEquals(0.9, f.archBeta1());
        assertEquals(10.0, f.zeroOneWeight());
        assertEquals("l2", f.zeroOneLoss());
        assertEquals(0.85, new ThresholdSettings(null, null).threshold());
        assertEquals(1, new ThresholdSettings(null, null).maxOpsPerEdge());
        for (double bad : new double[] {0, 1, 1.5, -0.1}) {
            SettingException e = assertThrows(SettingException.class, () -> new ThresholdSettings(bad, null));
            assertEquals("threshold", e.key());
            assertTrue(e.getMessage().contains("is not inside (0, 1)"), e.getMessage());
        }
    }

    /** α starts at 0 (σ = ½) and moves; two steps from the same state repeat exactly in both spaces. */
    @Test
    void searchStepsStartFromZeroAlphaAndRepeatExactly() {
        for (String space : List.of("nas-bench-201", "darts")) {
            float[] first = steps(space);
            assertArrayEquals(first, steps(space), space);
            assertNotEquals(0f, first[1], space + ": α moved (entry 1; NB201's none at entry 0 computes nothing)");
        }
    }

    private static float[] steps(String space) {
        InputShape shape = new InputShape(1, 8, 8);
        var data = TestData.splits(shape, 3, 16, 2);
        FairDartsOptimizer fair = new FairDartsOptimizer();
        FairDartsSettings s = new FairDartsSettings(2, 8, null, null, null, null, null, null, null, null, null, null,
                null);
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = space.equals("darts")
                        ? new DartsSpace().supernet(new DartsSettings(4, 3, "s5", null, null), shape, 3, new Rng(7), m)
                        : new Nb201Space().supernet(new Nb201Settings(4, 1), shape, 3, new Rng(7), m)) {
            net.arch().use(fair.mixing(s), new Rng(1));
            TestSearchState state = new TestSearchState(net, m, 9, null).schedule(0, 2, 2);
            fair.begin(state, s);
            String cell = net.arch().cellTypes().get(0).name();
            assertArrayEquals(new float[(int) net.arch().alpha(cell).size()], net.arch().alpha(cell).toFloatArray());
            try (NDManager pass = m.newSubManager()) {
                assertEquals(0.5f, net.arch().mixingWeights(pass).matrix(cell).getFloat(0, 1), 1e-7f, "σ(0)");
            }
            for (int i = 0; i < 2; i++) {
                int[] idx = IntStream.range(i * 8, i * 8 + 8).toArray();
                try (NDManager step = m.newSubManager();
                        Batch t = data.train().batch(idx, Augmentation.NONE, null, step);
                        Batch v = data.valid().batch(idx, Augmentation.NONE, null, step)) {
                    fair.step(state, s, t, v);
                }
            }
            assertTrue(state.metrics().get("zero_one_loss") < 0, space);
            return net.arch().alpha(cell).toFloatArray();
        }
    }
}
