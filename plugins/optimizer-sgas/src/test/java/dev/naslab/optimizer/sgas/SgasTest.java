package dev.naslab.optimizer.sgas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.SettingException;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.train.Adam;
import dev.naslab.api.base.Rng;
import dev.naslab.space.darts.DartsSettings;
import dev.naslab.space.darts.DartsSpace;
import dev.naslab.space.nb201.Nb201Settings;
import dev.naslab.space.nb201.Nb201Space;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgasTest {

    static SgasSettings defaults(Integer criterion, Integer history) {
        return new SgasSettings(null, null, null, null, null, null, null, null, null, null, null, criterion,
                null, null, history, null, null);
    }

    @Test
    void scoresOnToyAlphaMatchHandValues() {
        // columns: none, a, b, c. Edge 0 uniform; edge 1 one-hot on a; edge 2 half none, half b
        float[][] p = {{0.25f, 0.25f, 0.25f, 0.25f}, {0f, 1f, 0f, 0f}, {0.5f, 0f, 0.5f, 0f}};
        SgasScores s = new SgasScores(p, new int[] {0, 0, 0}, List.of(), 1);
        assertEquals(0.75, s.importance[0], 1e-7);
        assertEquals(1.0, s.importance[1], 1e-7);
        assertEquals(0.5, s.importance[2], 1e-7, "importance = 1 - p(none)");
        assertEquals(0.0, s.certainty[0], 1e-6, "uniform q: no certainty");
        assertEquals(1.0, s.certainty[1], 1e-7, "one-hot q: full certainty");
        assertEquals(1.0, s.certainty[2], 1e-7);
        // normalised importance (0.75-0.5)/0.5 = 0.5, 1, 0; certainty 0, 1, 1 -> scores 0, 1, 0
        assertArrayEquals(new double[] {0, 1, 0}, s.score, 1e-6);
    }

    @Test
    void stabilityIsTheMeanHistogramIntersectionWithTheHistory() {
        float[][] p = {{0f, 0.5f, 0.5f}, {0f, 1f, 0f}};
        List<double[][]> history = new ArrayList<>();
        history.add(new double[][] {{1, 0}, {1, 0}});
        history.add(new double[][] {{0.5, 0.5}, {0, 1}});
        SgasScores s = new SgasScores(p, new int[] {0, 0}, history, 2);
        // edge 0: min((.5,.5),(1,0)) = .5, min((.5,.5),(.5,.5)) = 1 -> .75; edge 1: 1 and 0 -> .5
        assertEquals(0.75, s.stability[0], 1e-7);
        assertEquals(0.5, s.stability[1], 1e-7);
        // normalised stability 1, 0 -> criterion 2 keeps only edge 0's share; certainty 0 vs 1 zeroes it
        assertArrayEquals(new double[] {0, 0}, s.score, 1e-7);
        assertEquals(0.0, new SgasScores(p, new int[] {0, 0}, List.of(), 2).stability[0], 0.0, "empty history: 0");
    }

    @Test
    void dartsSpaceSearchesFiftyEpochsWithDecisionsFromNine() {
        SgasSettings s = defaults(null, null);
        List<CellType> darts = new DartsSpace().cellTypes(new DartsSettings(null, null, null, null, null));
        assertEquals(8, SgasOptimizer.decisions(darts));
        assertEquals(50, new SgasOptimizer().schedule(s, darts).epochs());
        List<Integer> epochs = new ArrayList<>();
        for (int e = 0; e < 50; e++) {
            if (s.decides(e)) {
                epochs.add(e);
            }
        }
        assertEquals(List.of(9, 14, 19, 24, 29, 34, 39, 44, 49), epochs,
                "decision epochs; the 9th (49) finds no undecided edge left");
        List<CellType> nb201 = new Nb201Space().cellTypes(new Nb201Settings(null, null));
        assertEquals(6, SgasOptimizer.decisions(nb201));
        assertEquals(40, new SgasOptimizer().schedule(s, nb201).epochs(), "the adaptation: 9 + 5*5 + 5 + 1");
    }

    @Test
    void aNodeWithItsTwoInputsPrunesTheRestAndFreezesThem() {
        CellType normal = new DartsSpace().cellTypes(new DartsSettings(null, null, null, null, null)).get(0);
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(List.of(normal), m, new Rng(0), 1e-3f)) {
            Adam adam = new Adam(arch.alphas(), 3e-4f, 0.5f, 0.999f, 1e-8f, 1e-3f, m);
            arch.fixOp("normal", 2, 4); // node 3 <- 0
            assertEquals(List.of(), SgasOptimizer.prune(normal, arch, adam));
            arch.fixOp("normal", 4, 3); // node 3 <- 2: node 3 has its 2 inputs
            assertEquals(List.of(3), SgasOptimizer.prune(normal, arch, adam));
            assertEquals(ArchState.REMOVED, arch.decision("normal", 3));
            assertEquals(List.of(3), adam.frozenRows("normal"));
        }
    }

    @Test
    void badSettingsNameTheKey() {
        assertEquals("criterion", assertThrows(SettingException.class, () -> defaults(3, null)).key());
        assertEquals("history_size", assertThrows(SettingException.class, () -> defaults(2, 0)).key());
        assertTrue(assertThrows(SettingException.class, () -> defaults(3, null)).getMessage().contains("1"));
    }

    @Test
    void onceEveryEdgeIsDecidedTheAlphaStepOnlyMeasures() {
        try (NDManager m = NDManager.newBaseManager();
                var net = new Nb201Space().supernet(new Nb201Settings(2, 1),
                        new dev.naslab.api.model.InputShape(1, 8, 8), 3, new Rng(7), m)) {
            for (int e = 0; e < 6; e++) {
                net.arch().fixOp("cell", e, 1);
            }
            Adam adam = new Adam(net.arch().alphas(), 3e-4f, 0.5f, 0.999f, 1e-8f, 1e-3f, m);
            float[] before = net.arch().alpha("cell").toFloatArray();
            float[] x = new float[6 * 64];
            java.util.Arrays.fill(x, 0.5f);
            float[] oneHot = new float[18];
            for (int i = 0; i < 6; i++) {
                oneHot[i * 3] = 1f;
            }
            var batch = new dev.naslab.api.data.Batch(m.create(x, new ai.djl.ndarray.types.Shape(6, 1, 8, 8)),
                    m.create(oneHot, new ai.djl.ndarray.types.Shape(6, 3)), new int[6]);
            var r = dev.naslab.api.train.BilevelSteps.alphaStep(net, adam, null, true, 0.025f, batch, batch);
            assertEquals(6, r.count());
            assertArrayEquals(before, net.arch().alpha("cell").toFloatArray(), 0f);
        }
    }
}
