package dev.naslab.api.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A cell type of a space: its edges in α row order, the candidate operations of every edge (α
 * column order), and how many inputs each node keeps in a final architecture.
 *
 * <p>In most spaces every edge has the same candidates ({@link #uniformOps()}); the RobustDARTS
 * space S1 gives each edge its own pair. α stays edges × {@link #opCount()} either way: column k
 * of row e is op {@code ops(e).get(k)}. Code that turns indices into names should use
 * {@link #ops(int)} and {@link #opIndex(int, String)}.
 *
 * @param name          the cell type's name ({@code cell} for NAS-Bench-201; {@code normal},
 *                      {@code reduce} for DARTS)
 * @param edges         the edges, in α row order
 * @param ops           candidate operation names in α column order when every edge has the same
 *                      candidates; with per-edge candidates, every name that occurs, in first-seen
 *                      order (a listing, not a column order)
 * @param inputsPerNode how many input edges every node keeps (0 = all of them, as in
 *                      NAS-Bench-201; 2 in the DARTS space)
 * @param edgeOps       the candidates of each edge, in α column order (one list per edge, all of
 *                      the same length); since API 0.2
 */
public record CellType(String name, List<Edge> edges, List<String> ops, int inputsPerNode,
        List<List<String>> edgeOps) {

    /**
     * Checks the edges and candidate lists and copies them.
     *
     * @param name the name its arrays are registered under
     * @param edges the edges, in α row order
     * @param ops candidate op names
     * @param inputsPerNode inputs each node keeps (0: all)
     * @param edgeOps the candidates of each edge, in α column order
     */
    public CellType {
        Objects.requireNonNull(name, "name");
        edges = List.copyOf(edges);
        if (inputsPerNode < 0) {
            throw new IllegalArgumentException("inputsPerNode must be >= 0");
        }
        if (edgeOps == null) {
            List<List<String>> same = new ArrayList<>();
            for (int e = 0; e < edges.size(); e++) {
                same.add(List.copyOf(ops));
            }
            edgeOps = List.copyOf(same);
            ops = List.copyOf(ops);
        } else {
            if (edgeOps.size() != edges.size()) {
                throw new IllegalArgumentException("cell type " + name + ": " + edgeOps.size()
                        + " candidate lists for " + edges.size() + " edges");
            }
            List<List<String>> copy = new ArrayList<>();
            LinkedHashSet<String> all = new LinkedHashSet<>();
            for (List<String> l : edgeOps) {
                if (l.size() != edgeOps.get(0).size()) {
                    throw new IllegalArgumentException("cell type " + name
                            + ": every edge needs the same number of candidates (α is edges x ops)");
                }
                copy.add(List.copyOf(l));
                all.addAll(l);
            }
            edgeOps = List.copyOf(copy);
            ops = List.copyOf(all);
        }
    }

    /**
     * A cell type whose edges all have the candidates {@code ops}.
     *
     * @param name the cell type's name
     * @param edges the edges, in α row order
     * @param ops candidate op names
     * @param inputsPerNode inputs each node keeps (0: all)
     */
    public CellType(String name, List<Edge> edges, List<String> ops, int inputsPerNode) {
        this(name, edges, ops, inputsPerNode, null);
    }

    /**
     * {@return a cell type with per-edge candidates (all lists of one length)}
     *
     * @param name the cell type's name
     * @param edges the edges, in α row order
     * @param edgeOps the candidates of each edge, in α column order
     * @param inputsPerNode inputs each node keeps (0: all)
     */
    public static CellType perEdge(String name, List<Edge> edges, List<List<String>> edgeOps, int inputsPerNode) {
        return new CellType(name, edges, List.of(), inputsPerNode, edgeOps);
    }

    /**
     * Columns of α: candidates per edge.
     *
     * @return the number of α columns
     */
    public int opCount() {
        return edgeOps.isEmpty() ? ops.size() : edgeOps.get(0).size();
    }

    /** {@return whether every edge has the same candidates in the same order} */
    public boolean uniformOps() {
        return edgeOps.stream().allMatch(l -> l.equals(edgeOps.get(0)));
    }

    /**
     * {@return the candidates of edge {@code edge}, in α column order}
     *
     * @param edge the edge (α row)
     */
    public List<String> ops(int edge) {
        return edgeOps.get(edge);
    }

    /**
     * {@return index of the operation called {@code op}, or -1 (cell types with uniform candidates)}
     *
     * @param op the op's name
     */
    public int opIndex(String op) {
        return ops.indexOf(op);
    }

    /**
     * {@return column of the operation called {@code op} on edge {@code edge}, or -1}
     *
     * @param edge the edge (α row)
     * @param op the op's name
     */
    public int opIndex(int edge, String op) {
        return edgeOps.get(edge).indexOf(op);
    }

    /** {@return the target nodes that have incoming edges, ascending} */
    public List<Integer> nodes() {
        return edges.stream().map(Edge::to).distinct().sorted().toList();
    }

    /**
     * {@return the indices of the edges entering {@code node}, in α row order}
     *
     * @param node the target node
     */
    public List<Integer> incoming(int node) {
        List<Integer> out = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            if (edges.get(e).to() == node) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Nodes with more incoming edges than they keep: the ones topology selection decides.
     *
     * @return the nodes topology selection decides
     */
    public List<Integer> prunableNodes() {
        if (inputsPerNode == 0) {
            return List.of();
        }
        return nodes().stream().filter(n -> incoming(n).size() > inputsPerNode).toList();
    }
}
