package dev.naslab.space.darts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.model.TrainingOutput;
import dev.naslab.api.base.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DartsSpaceTest {

    static final InputShape CIFAR = new InputShape(3, 32, 32);
    final DartsSpace space = new DartsSpace();

    static DartsSettings settings(Object ops, Integer channels, Integer layers) {
        return new DartsSettings(channels, layers, ops, null, null);
    }

    long supernetCount(DartsSettings s, InputShape in) {
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = space.supernet(s, in, 10, new Rng(0), m)) {
            return net.params().count();
        }
    }

    /** Weights without the auxiliary head (as the references count), and the head's. */
    long[] networkCount(String arch, DartsSettings s) {
        try (NDManager m = NDManager.newBaseManager();
                Network net = space.network(space.parse(arch, s), s, CIFAR, 10, new Rng(0), m)) {
            return new long[] {net.params().count() - net.trainingOnlyParameters(), net.trainingOnlyParameters()};
        }
    }

    @Test
    void supernetHasTheReferenceParameterCountWithAndWithoutNone() {
        // spaces-and-optimizers.md A.4: 1,930,618 for C16 L8, 10 classes; none, pools and
        // non-affine BNs have no weights, so s5 (no none) gives the same count
        assertEquals(1_930_618, supernetCount(settings("darts", null, null), CIFAR));
        assertEquals(1_930_618, supernetCount(settings("s5", null, null), CIFAR));
    }

    @ParameterizedTest(name = "{0} ops, C{1} L{2}: {3}")
    @CsvSource({
        // printed by src/test/python/reference_counts.py (Debian's PyTorch 1.13, written from the
        // reference layer definitions and spaces.py's op lists, not from this code)
        "darts, 16, 5, 1275834",
        "darts, 8, 8, 597890",
        "s1, 16, 8, 405146",
        "s2, 16, 8, 665466",
        "s3, 16, 8, 665466",
        "s4, 16, 8, 624506",
    })
    void otherSupernetsMatchCountsOfTheReferenceDefinitions(String ops, int c, int layers, long expected) {
        assertEquals(expected, supernetCount(settings(ops, c, layers), CIFAR));
    }

    @Test
    void dartsV2AtC36L20HasThePublishedCount() {
        // spaces-and-optimizers.md A.7: 3,349,342 weights without the auxiliary head ("3.3M")
        long[] n = networkCount("DARTS_V2", settings(null, null, null));
        assertEquals(3_349_342, n[0]);
        // hand count of the head on the 8x8 map of cell 13 (576 channels): conv 576*128, BN 256,
        // conv 128*768*2*2, BN 1536, linear 768*10+10
        assertEquals(576 * 128 + 256 + 128 * 768 * 4 + 1536 + 7690, n[1]);
    }

    @ParameterizedTest(name = "{0}: {1} M")
    @CsvSource({
        // sizes the repositories publish next to each genotype (count_parameters_in_MB, auxiliary head excluded)
        "DARTS_PT_S5_0, 2.85", "DARTS_PT_S5_1, 3.05", "DARTS_PT_S5_2, 2.66", "DARTS_PT_S5_3, 3.33",
        "BLANK_PT_S5_0, 3.04", "BLANK_PT_S5_1, 3.15", "BLANK_PT_S5_2, 2.58", "BLANK_PT_S5_3, 3.40",
        "SGAS_CRI1_BEST, 3.80", "SGAS_CRI2_BEST, 4.09",
    })
    void publishedCellsHaveTheirPublishedSizes(String name, double millions) {
        long n = networkCount(name, settings(null, null, null))[0];
        assertEquals(millions, n / 1e6, 0.005, name + " has " + n + " weights");
    }

    /**
     * FairDARTS's sparse cells (A's normal cell keeps 4 ops in 3 nodes, node 3 left out of the concatenation;
     * B's 6 ops). The repository's count_parameters_in_MB counts every parameter, the auxiliary head included,
     * and its notes show the count cut to two decimals: A is 2,837,208 (2.83), B 3,884,304 (3.88).
     */
    @ParameterizedTest(name = "{0}: {1} M")
    @CsvSource({"FAIRDARTS_A, 2.83, 2837208, 2 4 5", "FAIRDARTS_B, 3.88, 3884304, 2 3 4 5"})
    void fairDartsSparseCellsHaveTheirPublishedSizes(String name, double published, long exact, String nodes) {
        long[] n = networkCount(name, settings(null, null, null));
        assertEquals(exact, n[0] + n[1]);
        assertEquals(published, Math.floor((n[0] + n[1]) / 1e4) / 100, 1e-9);
        assertEquals(nodes, EvalCell.outputNodes(space.parse(name, settings(null, null, null)).ops("normal")).stream()
                .map(String::valueOf).collect(java.util.stream.Collectors.joining(" ")));
    }

    /**
     * An edge with two ops sums them: the network has exactly the weights of both (a 3×3 separable conv
     * and a skip add the conv's weights only), the literal round-trips, and a forward pass runs.
     */
    @Test
    void sparseCellsKeepSeveralOpsOnAnEdgeAndRun() {
        DartsSettings s = new DartsSettings(null, null, null, 8, 5);
        String reduce = "reduce=[('max_pool_3x3', 2, 0), ('max_pool_3x3', 2, 1)], reduce_concat=range(2, 6))";
        String one = "Genotype(normal=[('sep_conv_3x3', 2, 0)], normal_concat=range(2, 6), " + reduce;
        String two = "Genotype(normal=[('sep_conv_3x3', 2, 0), ('skip_connect', 2, 0)], normal_concat=range(2, 6), " + reduce;
        String three = "Genotype(normal=[('sep_conv_3x3', 2, 0), ('skip_connect', 2, 0), ('dil_conv_3x3', 2, 0)], "
                + "normal_concat=range(2, 6), " + reduce;
        Architecture a = space.parse(three, s);
        assertEquals("sep_conv_3x3&skip_connect&dil_conv_3x3", a.ops("normal").get(DartsCell.edge(2, 0)));
        assertEquals(List.of("sep_conv_3x3", "skip_connect", "dil_conv_3x3"),
                Architecture.opsOf(a.ops("normal").get(DartsCell.edge(2, 0))));
        assertEquals(a, space.parse(space.format(a, s), s));
        assertTrue(space.format(a, s).startsWith("Genotype(normal=[('sep_conv_3x3', 2, 0), ('skip_connect', 2, 0), "
                + "('dil_conv_3x3', 2, 0)], normal_concat=range(2, 6)"), space.format(a, s));
        assertEquals(networkCount(one, s)[0], networkCount(two, s)[0], "skip_connect at stride 1 has no weights");
        try (NDManager m = NDManager.newBaseManager(); Network net = space.network(a, s, CIFAR, 10, new Rng(0), m)) {
            assertEquals(new Shape(2, 10), net.forward(m.randomNormal(new Shape(2, 3, 32, 32)), false).getShape());
        }
        assertTrue(message(one.replace("('sep_conv_3x3', 2, 0)", "('sep_conv_3x3', 2, 0), ('sep_conv_3x3', 2, 0)"), s)
                .contains("lists sep_conv_3x3 twice"));
        assertTrue(message(one.replace("('sep_conv_3x3', 2, 0)", "('sep_conv_3x3', 6, 0)"), s)
                .contains("node 6 is not an intermediate node"));
    }

    @Test
    void publishedGenotypesRoundTrip() {
        DartsSettings s = settings(null, null, null);
        for (String name : GenotypeText.published().keySet()) {
            Architecture a = space.parse(name, s);
            assertEquals(a, space.parse(space.format(a, s), s), name);
            if (!name.startsWith("FAIRDARTS")) {
                assertEquals(8, a.ops("normal").stream().filter(o -> !o.equals(Architecture.REMOVED)).count());
            }
        }
    }

    @Test
    void genotypeLiteralReadsIntoEdgeOrder() {
        Architecture v2 = space.parse("DARTS_V2", settings(null, null, null));
        // node 2 <- (sep3, 0), (sep3, 1); node 3 <- 0, 1; node 4 <- (sep3, 1), (skip, 0); node 5 <- (skip, 0), (dil3, 2)
        List<String> normal = v2.ops("normal");
        assertEquals("sep_conv_3x3", normal.get(DartsCell.edge(2, 0)));
        assertEquals("skip_connect", normal.get(DartsCell.edge(4, 0)));
        assertEquals("sep_conv_3x3", normal.get(DartsCell.edge(4, 1)));
        assertEquals("dil_conv_3x3", normal.get(DartsCell.edge(5, 2)));
        assertEquals(Architecture.REMOVED, normal.get(DartsCell.edge(5, 1)));
        assertEquals(2, v2.count("skip_connect") - v2.ops("reduce").stream().filter("skip_connect"::equals).count());
        assertTrue(space.format(v2, settings(null, null, null)).startsWith(
                "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), "
                        + "('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5]"));
    }

    @Test
    void badGenotypesNameThePositionAndWhatIsAllowed() {
        DartsSettings s = settings(null, null, null);
        String v2 = GenotypeText.published().get("DARTS_V2");
        String nine = v2.replace("('dil_conv_3x3', 2)]", "('dil_conv_3x3', 2), ('sep_conv_3x3', 3)]");
        assertTrue(message(nine, s).contains("normal has 9 (op, input) pairs"), message(nine, s));
        String range = v2.replace("('dil_conv_3x3', 2)]", "('dil_conv_3x3', 6)]");
        assertTrue(message(range, s).contains("normal[7] ('dil_conv_3x3', 6): input 6 is out of range; node 5"),
                message(range, s));
        String twice = v2.replace("('skip_connect', 0), ('dil_conv_3x3', 2)]", "('skip_connect', 0), ('skip_connect', 0)]");
        assertTrue(message(twice, s).contains("takes input 0 twice through skip_connect"), message(twice, s));
        // two ops from one input, as the reference cell computes them: one edge keeping both
        String both = v2.replace("('skip_connect', 0), ('dil_conv_3x3', 2)]", "('skip_connect', 0), ('dil_conv_3x3', 0)]");
        assertEquals("skip_connect&dil_conv_3x3", space.parse(both, s).ops("normal").get(DartsCell.edge(5, 0)));
        String unknown = v2.replace("('dil_conv_3x3', 2)]", "('dil_conv_3x5', 2)]");
        assertTrue(message(unknown, s).contains("op 'dil_conv_3x5' (did you mean 'dil_conv_3x3'?)"), message(unknown, s));
        // S2 has only skip_connect and sep_conv_3x3: DARTS_V2's dilated conv is not a candidate there
        assertTrue(message("DARTS_V2", settings("s2", null, null))
                .contains("normal[7] ('dil_conv_3x3', 2): op 'dil_conv_3x3' is not a candidate of edge 2->5 in this space; "
                        + "allowed: skip_connect, sep_conv_3x3"), message("DARTS_V2", settings("s2", null, null)));
        assertTrue(message(v2.replace("normal_concat=[2, 3, 4, 5]", "normal_concat=[4, 5]"), s).contains("normal_concat"));
        assertTrue(message("DARTS_V3", s).contains("DARTS_V2"));
    }

    private String message(String genotype, DartsSettings s) {
        return assertThrows(IllegalArgumentException.class, () -> space.parse(genotype, s)).getMessage();
    }

    @Test
    void badOpsSettingsAreRejectedNamingTheKey() {
        var e = assertThrows(dev.naslab.api.SettingException.class, () -> settings(List.of("skip_connect", "sep_conv_9x9"), null, null));
        assertEquals("ops", e.key());
        assertTrue(e.getMessage().contains("unknown op 'sep_conv_9x9'"), e.getMessage());
        assertTrue(assertThrows(dev.naslab.api.SettingException.class, () -> settings("s6", null, null))
                .getMessage().contains("unknown op set 's6' (did you mean 's5'?)"));
    }

    @Test
    void s1GivesEveryEdgeItsOwnPair() {
        var types = space.cellTypes(settings("s1", null, null));
        assertEquals(2, types.get(0).opCount());
        assertEquals(List.of("skip_connect", "dil_conv_3x3"), types.get(0).ops(0));
        assertEquals(List.of("max_pool_3x3", "skip_connect"), types.get(0).ops(5));
        assertEquals(List.of("max_pool_3x3", "avg_pool_3x3"), types.get(1).ops(0));
    }

    @Test
    void inputsMustSurviveBothReductions() {
        DartsSettings s = settings(null, null, null);
        assertTrue(space.check(s, new InputShape(1, 28, 28), 10).isEmpty());
        assertTrue(space.check(s, new InputShape(1, 30, 30), 10).get(0).contains("multiples of 4"));
    }

    @Test
    void supernetAndNetworkRunOnFashionMnistShapes() {
        DartsSettings s = new DartsSettings(4, 5, "darts", 4, 5);
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = space.supernet(s, new InputShape(1, 28, 28), 10, new Rng(0), m);
                Network eval = space.network(space.parse("DARTS_V1", s), s, new InputShape(1, 28, 28), 10, new Rng(0), m);
                NDManager pass = m.newSubManager()) {
            NDArray x = pass.randomNormal(new Shape(2, 1, 28, 28));
            assertArrayEquals(new long[] {2, 10}, net.forward(x, true).getShape().getShape());
            TrainingOutput out = eval.forwardTraining(x, 0.2f, new Rng(1));
            assertArrayEquals(new long[] {2, 10}, out.logits().getShape().getShape());
            assertArrayEquals(new long[] {2, 10}, out.auxiliaryLogits().getShape().getShape());
            assertArrayEquals(new long[] {2, 10}, eval.forward(x, false).getShape().getShape());
        }
    }

    @Test
    void s4NoiseIsReproducibleFromItsRandomSource() {
        DartsSettings s = new DartsSettings(4, 3, "s4", null, null);
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = space.supernet(s, new InputShape(1, 8, 8), 10, new Rng(0), m);
                NDManager pass = m.newSubManager()) {
            NDArray x = pass.randomNormal(new Shape(2, 1, 8, 8));
            net.randomSource(new Rng(7));
            float[] a = net.forward(x, true).toFloatArray();
            float[] b = net.forward(x, true).toFloatArray();
            net.randomSource(new Rng(7));
            float[] c = net.forward(x, true).toFloatArray();
            assertArrayEquals(a, c, 0f);
            assertTrue(a[0] != b[0], "a second pass draws new noise");
        }
    }

    @Test
    void dropPathKeepsOrZeroesWholeSamplesAndRescales() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(1000, 2, 2, 2));
            float[] y = EvalCell.dropPath(x, 0.2f, new Rng(3)).toFloatArray();
            int kept = 0;
            for (int i = 0; i < 1000; i++) {
                float v = y[i * 8];
                for (int j = 1; j < 8; j++) {
                    assertEquals(v, y[i * 8 + j], 0f, "one draw per sample");
                }
                assertTrue(v == 0f || Math.abs(v - 1.25f) < 1e-6, "kept samples scale by 1/(1-0.2)");
                kept += v > 0 ? 1 : 0;
            }
            assertEquals(800, kept, 40, "about 80 % kept");
        }
    }

    @Test
    void sizesThatWouldOverflowAreRefusedByName() {
        for (Object[] c : new Object[][] {{"channels", 100000, 8, 36, 20}, {"layers", 16, 101, 36, 20},
            {"eval_channels", 16, 8, 100000, 20}, {"eval_layers", 16, 8, 36, 1000}}) {
            dev.naslab.api.SettingException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.naslab.api.SettingException.class, () -> new DartsSettings((Integer) c[1], (Integer) c[2],
                            "darts", (Integer) c[3], (Integer) c[4]));
            org.junit.jupiter.api.Assertions.assertEquals(c[0], e.key());
            org.junit.jupiter.api.Assertions.assertTrue(e.reason().startsWith("must be at most"), e.reason());
        }
    }
}
