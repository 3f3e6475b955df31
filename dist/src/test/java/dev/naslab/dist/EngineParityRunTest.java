package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine parity suite through the launcher, for every installed space: PyTorch and MXNet on
 * the same weights agree on the supernet (logits, weight and α gradients, one DARTS iteration) and
 * on every published architecture's network, at sizes where float32 rounding cannot move a result
 * across a ReLU or max-pool kink (see the README's engineering notes). Runs at the CPU's own oneDNN
 * instruction set, so it also guards the decision not to cap it. Every network here has at least
 * 8 channels, so PyTorch runs it channels last ({@code Ops.preferredLayout}) as searches do.
 */
class EngineParityRunTest {

    private static void assertAllWithinTolerance(Cli.Result r, int expectedChecks) {
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains(expectedChecks + " of " + expectedChecks
                + " checks within tolerance, 0 failed, 0 inconclusive"), r.out());
        List<String> checks = r.out().lines().filter(l -> l.contains(" <= ")).toList();
        assertEquals(expectedChecks, checks.size(), r.out());
        assertTrue(checks.stream().allMatch(l -> l.contains(" OK ")), r.out());
    }

    @Test
    void nasBench201AgreesOnBothEngines() throws Exception {
        // supernet: 7 checks; the 4 published cells (all_skip, all_conv3x3, all_conv1x1, all_pool): 3 each
        assertAllWithinTolerance(Cli.run("parity", "nas-bench-201", "--set", "channels=8", "--set",
                "cells_per_stage=1"), 7 + 4 * 3);
    }

    @Test
    void dartsSpaceAgreesOnBothEngines() throws Exception {
        // supernet: 7 checks; 16 published genotypes covering every op of the space (FairDARTS's two sparse): 3 each
        assertAllWithinTolerance(Cli.run("parity", "darts", "--set", "channels=8", "--set", "layers=5", "--set",
                "eval_channels=8", "--set", "eval_layers=5", "--input", "1x8x8"), 7 + 16 * 3);
    }

    /** PC-DARTS's supernet: partial channels (k = 4) and edge weights softmax(β), β's gradients included. */
    @Test
    void partialChannelSupernetsAgreeOnBothEngines() throws Exception {
        Cli.Result nb201 = Cli.run("parity", "nas-bench-201", "--set", "channels=8", "--set", "cells_per_stage=1",
                "--optimizer", "pc-darts", "--architecture", "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|");
        assertAllWithinTolerance(nb201, 7 + 3);
        assertTrue(nb201.out().contains("arch/beta/cell") || nb201.out().contains("alpha/cell"), nb201.out());
        assertAllWithinTolerance(Cli.run("parity", "darts", "--set", "channels=8", "--set", "layers=5", "--set",
                "eval_channels=8", "--set", "eval_layers=5", "--input", "1x8x8", "--optimizer", "pc-darts",
                "--architecture", "Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1), ('dil_conv_3x3', 0), "
                        + "('sep_conv_5x5', 2), ('avg_pool_3x3', 1), ('max_pool_3x3', 3), ('dil_conv_5x5', 0), "
                        + "('skip_connect', 4)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), "
                        + "('skip_connect', 1), ('sep_conv_3x3', 2), ('avg_pool_3x3', 0), ('dil_conv_3x3', 3), "
                        + "('skip_connect', 2), ('sep_conv_5x5', 4), ('dil_conv_5x5', 1)], reduce_concat=[2, 3, 4, 5])"),
                7 + 3);
    }

    /** DARTS−'s supernet: an auxiliary skip on every edge (a factorized reduction on stride-2 ones), β = 0.5. */
    @Test
    void auxiliarySkipSupernetsAgreeOnBothEngines() throws Exception {
        assertAllWithinTolerance(Cli.run("parity", "nas-bench-201", "--set", "channels=8", "--set", "cells_per_stage=1",
                "--optimizer", "darts-minus", "--architecture", "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|"),
                7 + 3);
        assertAllWithinTolerance(Cli.run("parity", "darts", "--set", "channels=8", "--set", "layers=5", "--set",
                "eval_channels=8", "--set", "eval_layers=5", "--input", "1x8x8", "--optimizer", "darts-minus",
                "--architecture", "Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1), ('dil_conv_3x3', 0), "
                        + "('sep_conv_5x5', 2), ('avg_pool_3x3', 1), ('max_pool_3x3', 3), ('dil_conv_5x5', 0), "
                        + "('skip_connect', 4)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), "
                        + "('skip_connect', 1), ('sep_conv_3x3', 2), ('avg_pool_3x3', 0), ('dil_conv_3x3', 3), "
                        + "('skip_connect', 2), ('sep_conv_5x5', 4), ('dil_conv_5x5', 1)], reduce_concat=[2, 3, 4, 5])"),
                7 + 3);
    }

    @Test
    void anUnknownOptimizerIsNamed() throws Exception {
        Cli.Result r = Cli.run("parity", "nas-bench-201", "--optimizer", "no-such-optimizer");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("unknown optimizer 'no-such-optimizer'"), r.err());
    }

    @Test
    void settingsWithoutASpaceAreRefused() throws Exception {
        Cli.Result r = Cli.run("parity", "--set", "channels=8");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("--set needs a SPACE"), r.err());
    }
}
