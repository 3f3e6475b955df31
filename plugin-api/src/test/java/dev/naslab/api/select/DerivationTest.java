package dev.naslab.api.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DerivationTest {

    @Test
    void allInputsKeptMeansArgmaxWithNoneIncludedFirstOnTies() {
        CellType c = new CellType("cell", List.of(new Edge(0, 1), new Edge(0, 2)), List.of("none", "a", "b"), 0);
        float[][] w = {{0.5f, 0.2f, 0.3f}, {0.2f, 0.4f, 0.4f}};
        assertEquals(List.of("none", "a"), Derivation.derive(c, w));
    }

    @Test
    void twoInputsPerNodeRanksEdgesByStrongestNonNoneOp() {
        // DARTS-like: node 2 <- {0,1}; node 3 <- {0,1,2}
        List<Edge> edges = List.of(new Edge(0, 2), new Edge(1, 2), new Edge(0, 3), new Edge(1, 3), new Edge(2, 3));
        CellType c = new CellType("normal", edges, List.of("none", "skip", "conv"), 2);
        float[][] w = {
            {0.9f, 0.05f, 0.05f},   // none is ignored: strength 0.05
            {0.1f, 0.2f, 0.7f},
            {0.1f, 0.6f, 0.3f},     // strength 0.6
            {0.0f, 0.5f, 0.5f},     // strength 0.5, tie -> skip (lower index)
            {0.0f, 0.55f, 0.45f},   // strength 0.55
        };
        List<String> expect = new ArrayList<>(List.of("skip", "conv", "skip", Architecture.REMOVED, "skip"));
        assertEquals(expect, Derivation.derive(c, w));
    }
}
