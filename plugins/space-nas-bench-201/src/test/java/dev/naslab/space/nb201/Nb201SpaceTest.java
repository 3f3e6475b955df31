package dev.naslab.space.nb201;

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
import dev.naslab.api.base.Rng;
import org.junit.jupiter.api.Test;

class Nb201SpaceTest {

    static final String ALL_SKIP = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";
    static final String RESNET = "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";
    final Nb201Space space = new Nb201Space();
    final Nb201Settings defaults = new Nb201Settings(null, null);

    @Test
    void supernetHasTheReferenceParameterCount() {
        // spaces-and-optimizers.md B.2: 1,686,106 weights for C=16, N=5, CIFAR-10 head (α not counted)
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = space.supernet(defaults, new InputShape(3, 32, 32), 10, new Rng(0), m)) {
            assertEquals(1_686_106, net.params().count());
            assertEquals(30, net.arch().alpha("cell").getShape().size());
        }
    }

    @Test
    void allSkipNetworkCountIsTheSkeletonAlone() {
        // hand count: stem 432+32, reductions 14,464 and 57,600, head BN 128 + linear 650 = 73,306
        try (NDManager m = NDManager.newBaseManager();
                Network net = space.network(space.parse(ALL_SKIP, defaults), defaults,
                        new InputShape(3, 32, 32), 10, new Rng(0), m)) {
            assertEquals(73_306, net.params().count());
        }
    }

    @Test
    void publishedCellsAreUniformAndParse() {
        java.util.Map<String, String> published = space.publishedArchitectures(defaults);
        assertEquals(java.util.List.of("all_skip", "all_conv3x3", "all_conv1x1", "all_pool"),
                java.util.List.copyOf(published.keySet()));
        assertEquals(ALL_SKIP, published.get("all_skip"));
        for (java.util.Map.Entry<String, String> e : published.entrySet()) {
            Architecture a = space.parse(e.getValue(), defaults);
            assertEquals(1, a.ops("cell").stream().distinct().count(), e.getKey() + " uses one op on every edge");
            assertEquals(e.getValue(), space.format(a, defaults));
        }
    }

    /**
     * Edge 1←0 of the all-skip cell keeping skip plus a 3×3 conv adds one ReLU-conv-BN per cell:
     * 5 cells each of C = 16, 32, 64, 9C² + 2C weights, 243,040 in all; keeping the 1×1 conv as well adds
     * C² + 2C per cell, 28,000.
     */
    @Test
    void anEdgeKeepingSeveralOpsSumsThemAndRoundTrips() {
        String two = ALL_SKIP.replaceFirst("skip_connect~0", "skip_connect&nor_conv_3x3~0");
        String three = ALL_SKIP.replaceFirst("skip_connect~0", "skip_connect&nor_conv_1x1&nor_conv_3x3~0");
        assertEquals("skip_connect&nor_conv_3x3", space.parse(two, defaults).ops("cell").get(0));
        assertEquals(three, space.format(space.parse(three, defaults), defaults));
        for (var c : java.util.Map.of(two, 73_306L + 243_040L, three, 73_306L + 243_040L + 28_000L).entrySet()) {
            try (NDManager m = NDManager.newBaseManager();
                    Network net = space.network(space.parse(c.getKey(), defaults), defaults,
                            new InputShape(3, 32, 32), 10, new Rng(0), m)) {
                assertEquals(c.getValue(), net.params().count(), c.getKey());
                assertEquals(new ai.djl.ndarray.types.Shape(2, 10),
                        net.forward(m.randomNormal(new ai.djl.ndarray.types.Shape(2, 3, 32, 32)), false).getShape());
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> space.parse(ALL_SKIP.replaceFirst("skip_connect~0", "none&skip_connect~0"), defaults));
        assertTrue(e.getMessage().contains("joins none with other ops"), e.getMessage());
    }

    @Test
    void stringsRoundTripInEdgeOrder() {
        Architecture a = space.parse(RESNET, defaults);
        assertEquals(java.util.List.of("nor_conv_3x3", "none", "nor_conv_3x3", "skip_connect", "none", "skip_connect"),
                a.ops("cell"));
        assertEquals(RESNET, space.format(a, defaults));
    }

    @Test
    void malformedStringsAreRejectedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> space.parse("|skip_connect~0|", defaults))
                .getMessage().contains("not 3"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> space.parse(ALL_SKIP.replace("skip_connect~1", "conv~1"), defaults))
                .getMessage().contains("unknown op 'conv'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> space.parse(ALL_SKIP.replace("skip_connect~1|+", "skip_connect~0|+"), defaults))
                .getMessage().contains("must be op~1"));
    }

    @Test
    void forwardGivesLogitsForFashionMnistShapes() {
        Nb201Settings small = new Nb201Settings(4, 1);
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = space.supernet(small, new InputShape(1, 28, 28), 10, new Rng(0), m);
                NDManager pass = m.newSubManager()) {
            NDArray x = pass.randomNormal(new Shape(2, 1, 28, 28));
            assertArrayEquals(new long[] {2, 10}, net.forward(x, true).getShape().getShape());
            net.arch().fixOp("cell", 0, 0);
            net.arch().fixOp("cell", 1, 0);
            net.arch().fixOp("cell", 3, 0);
            // node 1 and every input of node 3 from node 0 are "none": still a valid forward
            assertArrayEquals(new long[] {2, 10}, net.forward(x, false).getShape().getShape());
        }
    }

    @Test
    void inputsThatCannotBeHalvedTwiceAreRejected() {
        assertTrue(space.check(defaults, new InputShape(3, 30, 30), 10).get(0).contains("multiples of 4"));
        assertTrue(space.check(defaults, new InputShape(1, 28, 28), 10).isEmpty());
    }

    @Test
    void sizesThatWouldOverflowAreRefusedByName() {
        dev.naslab.api.SettingException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.naslab.api.SettingException.class, () -> new Nb201Settings(100000, null));
        org.junit.jupiter.api.Assertions.assertEquals("channels", e.key());
        org.junit.jupiter.api.Assertions.assertTrue(e.reason().startsWith("must be at most 1024"), e.reason());
        org.junit.jupiter.api.Assertions.assertEquals("cells_per_stage", org.junit.jupiter.api.Assertions.assertThrows(
                dev.naslab.api.SettingException.class, () -> new Nb201Settings(16, 65)).key());
    }
}
