package dev.naslab.optimizer.pcdarts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.SettingException;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.select.Derivation;
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

class PcDartsTest {

    private static final List<CellType> DARTS = new DartsSpace().cellTypes(new DartsSettings(4, 2, null, null, null));

    /**
     * DARTS normal cell, edges in α order: node 2 ← (0, 1) = edges 0-1, node 3 ← (0, 1, 2) = edges 2-4,
     * node 4 = edges 5-8, node 5 = edges 9-13. β of node 2 = (0, ln 3) gives (1/4, 3/4); node 3's
     * (0, 0, ln 2) gives (1/4, 1/4, 1/2); node 4's four zeros 1/4 each; node 5's (ln 4, 0, 0, 0, 0) 1/2
     * then 1/8 each. Each node's weights sum to 1, whatever the other nodes' β.
     */
    @Test
    void edgeWeightsAreASoftmaxOverTheEdgesEnteringEachNode() {
        float ln2 = (float) Math.log(2);
        float[] beta = {0, (float) Math.log(3), 0, 0, ln2, 0, 0, 0, 0, 2 * ln2, 0, 0, 0, 0};
        float[] expected = {0.25f, 0.75f, 0.25f, 0.25f, 0.5f, 0.25f, 0.25f, 0.25f, 0.25f,
            0.5f, 0.125f, 0.125f, 0.125f, 0.125f};
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(DARTS, m, new Rng(0), 0f)) {
            assertArrayEquals(expected, EdgeNormalisedMixing.edgeWeights(m.create(beta), DARTS.get(0)).toFloatArray(),
                    1e-6f);
            arch.use(new EdgeNormalisedMixing(), new Rng(1));
            arch.parameter("beta/normal").muli(0).addi(m.create(beta));
            assertArrayEquals(expected, EdgeNormalisedMixing.edgeWeightValues(arch, "normal"), 1e-6f);
            try (NDManager pass = m.newSubManager()) {
                var w = arch.mixingWeights(pass);
                for (int e = 0; e < expected.length; e++) {
                    assertEquals(expected[e], w.edgeWeight("normal", e).getFloat(), 1e-6f, "edge " + e);
                }
                // decided edges keep weight 1: they are part of the architecture as they are
                arch.fixOp("normal", 4, 1);
                assertEquals(1f, arch.mixingWeights(pass).edgeWeight("normal", 4).getFloat());
            }
        }
    }

    /**
     * Node 3 of the normal cell: α alone ranks edge 2 (sep_conv_3x3 at logit 2: e²/(e²+7) = 0.5135) and
     * edge 3 (skip_connect at 1.5: 0.3903) above edge 4 (max_pool_3x3 at 1: 0.2797); β = (0, 0, ln 4)
     * weighs the edges 1/6, 1/6, 4/6, so the strengths are 0.0856, 0.0651, 0.1865 and PC-DARTS keeps
     * edges 4 and 2, as the reference's genotype (W · W2, top two by the strongest non-none op).
     */
    @Test
    void derivationRanksEdgesBySoftmaxAlphaTimesTheEdgeWeight() {
        CellType normal = DARTS.get(0);
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(DARTS, m, new Rng(0), 0f)) {
            float[] alpha = new float[14 * 8];
            alpha[2 * 8 + normal.opIndex("sep_conv_3x3")] = 2f;
            alpha[3 * 8 + normal.opIndex("skip_connect")] = 1.5f;
            alpha[4 * 8 + normal.opIndex("max_pool_3x3")] = 1f;
            arch.alpha("normal").muli(0).addi(m.create(alpha, arch.alpha("normal").getShape()));
            List<String> byAlpha = Derivation.derive(arch).ops("normal").subList(2, 5);
            assertEquals(List.of("sep_conv_3x3", "skip_connect", "-"), byAlpha, "DARTS's softmax(α) ranking");

            arch.use(new EdgeNormalisedMixing(), new Rng(1));
            float[] beta = new float[14];
            beta[4] = (float) Math.log(4);
            arch.parameter("beta/normal").muli(0).addi(m.create(beta));
            float[][] s = arch.strengths("normal");
            assertEquals(7.389056 / 14.389056 / 6, s[2][normal.opIndex("sep_conv_3x3")], 1e-5);
            assertEquals(4.481689 / 11.481689 / 6, s[3][normal.opIndex("skip_connect")], 1e-5);
            assertEquals(2.718282 / 9.718282 * 4 / 6, s[4][normal.opIndex("max_pool_3x3")], 1e-5);
            assertEquals(List.of("sep_conv_3x3", "-", "max_pool_3x3"), Derivation.derive(arch).ops("normal").subList(2, 5));
        }
    }

    @Test
    void settingsHaveTheReferenceDefaultsAndRefuseAWarmUpAsLongAsTheSearch() {
        PcDartsSettings s = new PcDartsSettings(null, null, null, null, null, null, null, null, null, null, null, null,
                null);
        assertEquals(50, s.epochs());
        assertEquals(256, s.batchSize());
        assertEquals(0.1, s.lr());
        assertEquals(0.0, s.lrMin());
        assertEquals(6e-4, s.archLr());
        assertEquals(4, s.partialChannels());
        assertEquals(15, s.warmupEpochs());
        assertEquals(new SupernetOptions(4), new PcDartsOptimizer().supernetOptions(s));
        SettingException e = assertThrows(SettingException.class, () -> new PcDartsSettings(10, null, null, null, null,
                null, null, null, null, null, null, null, null));
        assertEquals("warmup_epochs", e.key());
        assertTrue(e.getMessage().contains("15 is not below epochs (10)"), e.getMessage());
    }

    /** During the warm-up only the weights move; afterwards α and β too; the same state repeats exactly. */
    @Test
    void searchStepsKeepTheArchitectureDuringWarmUpAndRepeatExactly() {
        for (String space : List.of("nas-bench-201", "darts")) {
            float[][] warm = steps(space, 0);
            assertArrayEquals(warm[0], warm[1], space + ": α during warm-up");
            assertArrayEquals(warm[2], warm[3], space + ": β during warm-up");
            float[][] first = steps(space, 1);
            float[][] again = steps(space, 1);
            assertFalse(java.util.Arrays.equals(first[0], first[1]), space + ": α moves after the warm-up");
            assertFalse(java.util.Arrays.equals(first[2], first[3]), space + ": β moves after the warm-up");
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(first[i], again[i], space + ": repeatable");
            }
        }
    }

    private static PcDartsSettings settings(int epochs, Integer warmup) {
        return new PcDartsSettings(epochs, 8, null, null, null, null, null, null, null, null, null, 2, warmup);
    }

    /** Two PC-DARTS iterations (k = 2) in epoch {@code epoch} of a search warming up 1 epoch; α and β before and after. */
    private static float[][] steps(String space, int epoch) {
        InputShape shape = new InputShape(1, 8, 8);
        var data = TestData.splits(shape, 3, 16, 2);
        PcDartsOptimizer pc = new PcDartsOptimizer();
        PcDartsSettings s = settings(2, 1);
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = space.equals("darts")
                        ? new DartsSpace().supernet(new DartsSettings(4, 2, null, null, null), shape, 3,
                                pc.supernetOptions(s), new Rng(7), m)
                        : new Nb201Space().supernet(new Nb201Settings(4, 1), shape, 3, pc.supernetOptions(s), new Rng(7), m)) {
            net.arch().use(pc.mixing(s), new Rng(1));
            String cell = net.arch().cellTypes().get(0).name();
            float[] alpha = net.arch().alpha(cell).toFloatArray();
            float[] beta = net.arch().parameter("beta/" + cell).toFloatArray();
            TestSearchState state = new TestSearchState(net, m, 9, null).schedule(epoch, 2, 2);
            pc.begin(state, s);
            for (int i = 0; i < 2; i++) {
                int[] idx = IntStream.range(i * 8, i * 8 + 8).toArray();
                try (NDManager step = m.newSubManager();
                        Batch t = data.train().batch(idx, Augmentation.NONE, null, step);
                        Batch v = data.valid().batch(idx, Augmentation.NONE, null, step)) {
                    pc.step(state, s, t, v);
                }
            }
            assertTrue(Double.isFinite(state.metrics().get("train_loss")), space);
            assertEquals(epoch >= 1, state.metrics().containsKey("valid_loss"), space);
            return new float[][] {alpha, net.arch().alpha(cell).toFloatArray(), beta,
                net.arch().parameter("beta/" + cell).toFloatArray()};
        }
    }
}
