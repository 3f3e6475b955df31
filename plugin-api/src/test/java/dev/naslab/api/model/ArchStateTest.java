package dev.naslab.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.base.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchStateTest {

    static final CellType CELL = new CellType("cell", List.of(new Edge(0, 1), new Edge(0, 2), new Edge(1, 2)),
            List.of("none", "skip", "conv"), 0);

    @Test
    void masksZeroAnEntryWithoutRenormalising() {
        try (NDManager m = NDManager.newBaseManager(); NDManager pass = m.newSubManager()) {
            ArchState arch = new ArchState(List.of(CELL), m, new Rng(1), 0f);
            arch.mask("cell", 1, 2);
            MixingWeights w = arch.mixingWeights(pass);
            float third = 1f / 3f;
            assertArrayEquals(new float[] {third, third, third, third, third, 0f, third, third, third},
                    w.matrix("cell").toFloatArray(), 1e-6f);
            assertFalse(w.active("cell", 1, 2));
            assertTrue(w.active("cell", 1, 1));
        }
    }

    @Test
    void decidedRowsAreOneHotAndRemovedRowsZero() {
        try (NDManager m = NDManager.newBaseManager(); NDManager pass = m.newSubManager()) {
            ArchState arch = new ArchState(List.of(CELL), m, new Rng(1), 0f);
            arch.fixOp("cell", 0, 2);
            arch.removeEdge("cell", 2);
            MixingWeights w = arch.mixingWeights(pass);
            float third = 1f / 3f;
            assertArrayEquals(new float[] {0, 0, 1, third, third, third, 0, 0, 0},
                    w.matrix("cell").toFloatArray(), 1e-6f);
            assertTrue(w.unit("cell", 0, 2));
            assertFalse(w.edgeActive("cell", 2));
            assertArrayEquals(new float[] {0, 0, 1}, arch.probabilities("cell")[0]);
            arch.clearMasks();
        }
    }
}
