package dev.naslab.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cell type of a space: its edges in α row order, the ordered candidate operations (α column
 * order), and how many inputs each node keeps in a final architecture.
 *
 * @param name          the cell type's name ({@code cell} for NAS-Bench-201; {@code normal},
 *                      {@code reduce} for DARTS)
 * @param edges         the edges, in α row order
 * @param ops           candidate operation names, in α column order
 * @param inputsPerNode how many input edges every node keeps (0 = all of them, as in
 *                      NAS-Bench-201; 2 in the DARTS space)
 */
public record CellType(String name, List<Edge> edges, List<String> ops, int inputsPerNode) {

    public CellType {
        Objects.requireNonNull(name, "name");
        edges = List.copyOf(edges);
        ops = List.copyOf(ops);
        if (inputsPerNode < 0) {
            throw new IllegalArgumentException("inputsPerNode must be >= 0");
        }
    }

    /** Index of the operation called {@code op}, or -1. */
    public int opIndex(String op) {
        return ops.indexOf(op);
    }

    /** The target nodes that have incoming edges, ascending. */
    public List<Integer> nodes() {
        return edges.stream().map(Edge::to).distinct().sorted().toList();
    }

    /** The indices of the edges entering {@code node}, in α row order. */
    public List<Integer> incoming(int node) {
        List<Integer> out = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            if (edges.get(e).to() == node) {
                out.add(e);
            }
        }
        return out;
    }

    /** Nodes with more incoming edges than they keep: the ones topology selection decides. */
    public List<Integer> prunableNodes() {
        if (inputsPerNode == 0) {
            return List.of();
        }
        return nodes().stream().filter(n -> incoming(n).size() > inputsPerNode).toList();
    }
}
