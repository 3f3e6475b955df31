package dev.naslab.space.darts;

import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import java.util.ArrayList;
import java.util.List;

/**
 * The wiring of a DARTS cell: states 0 and 1 are the two cell inputs, states 2..5 the
 * intermediate nodes; node i takes every earlier state, giving 14 edges in the reference row
 * order (node 2 ← 0, 1; node 3 ← 0, 1, 2; node 4 ← 0..3; node 5 ← 0..4). The output
 * concatenates states 2..5.
 */
final class DartsCell {

    static final String NORMAL = "normal";
    static final String REDUCE = "reduce";
    static final int STEPS = 4;
    static final int EDGES = 14;
    static final List<Integer> CONCAT = List.of(2, 3, 4, 5);

    private DartsCell() {
    }

    /** Row of edge {@code from} → state {@code to} (to in 2..5, from below to). */
    static int edge(int to, int from) {
        int node = to - 2;
        return node * (node + 3) / 2 + from;
    }

    static List<Edge> edges() {
        List<Edge> out = new ArrayList<>();
        for (int to = 2; to < 2 + STEPS; to++) {
            for (int from = 0; from < to; from++) {
                out.add(new Edge(from, to));
            }
        }
        return out;
    }

    static CellType type(String name, List<List<String>> edgeOps) {
        boolean uniform = edgeOps.stream().allMatch(l -> l.equals(edgeOps.get(0)));
        return uniform ? new CellType(name, edges(), edgeOps.get(0), 2)
                : CellType.perEdge(name, edges(), edgeOps, 2);
    }

    /** Whether edge {@code from} of a reduction cell halves the resolution (edges from the inputs). */
    static int stride(boolean reduction, int from) {
        return reduction && from < 2 ? 2 : 1;
    }

    /** Cells at ⌊L/3⌋ and ⌊2L/3⌋ reduce. */
    static boolean isReduction(int index, int layers) {
        return index == layers / 3 || index == 2 * layers / 3;
    }
}
