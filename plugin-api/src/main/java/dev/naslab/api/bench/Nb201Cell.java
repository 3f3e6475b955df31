package dev.naslab.api.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A NAS-Bench-201 cell as its benchmark string, {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}: node <i>j</i>'s group
 * lists the ops on its edges from nodes 0 .. <i>j</i>−1, so the six ops come in the edge order 0→1, 0→2, 1→2,
 * 0→3, 1→3, 2→3. There are 5<sup>6</sup> = {@value #CELLS} cells.
 *
 * @since 0.2.3
 */
public final class Nb201Cell {

    /** The candidate ops, in the benchmark's order. */
    public static final List<String> OPS = List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3",
            "avg_pool_3x3");
    /** Edges per cell. */
    public static final int EDGES = 6;
    /** Cells in the space. */
    public static final int CELLS = 15_625;

    private Nb201Cell() {
    }

    /**
     * {@return every cell, in base-5 order over the edges (edge 0→1 the lowest digit; not the benchmark's own index
     * order)}
     */
    public static List<String> all() {
        List<String> out = new ArrayList<>(CELLS);
        for (int i = 0; i < CELLS; i++) {
            List<String> ops = new ArrayList<>(EDGES);
            for (int e = 0, x = i; e < EDGES; e++, x /= OPS.size()) {
                ops.add(OPS.get(x % OPS.size()));
            }
            out.add(format(ops));
        }
        return out;
    }

    /**
     * {@return the six ops of {@code arch}, in edge order}
     *
     * @param arch a benchmark string
     * @throws IllegalArgumentException saying what is wrong with the string
     */
    public static List<String> parse(String arch) {
        if (arch == null || arch.isEmpty()) {
            throw new IllegalArgumentException("an empty string is not a NAS-Bench-201 cell");
        }
        String[] nodes = arch.split("\\+", -1);
        if (nodes.length != 3) {
            throw new IllegalArgumentException("'" + arch + "' has " + nodes.length + " node group(s) separated by '+', "
                    + "a NAS-Bench-201 cell has 3 (|op~0|+|op~0|op~1|+|op~0|op~1|op~2|)");
        }
        List<String> ops = new ArrayList<>(EDGES);
        for (int j = 0; j < 3; j++) {
            String g = nodes[j];
            if (g.length() < 2 || g.charAt(0) != '|' || g.charAt(g.length() - 1) != '|') {
                throw new IllegalArgumentException("'" + arch + "': node group " + (j + 1) + " ('" + g
                        + "') does not start and end with '|'");
            }
            String[] edges = g.substring(1, g.length() - 1).split("\\|", -1);
            if (edges.length != j + 1) {
                throw new IllegalArgumentException("'" + arch + "': node " + (j + 1) + " lists " + edges.length
                        + " input(s), it has " + (j + 1));
            }
            for (int i = 0; i <= j; i++) {
                int tilde = edges[i].lastIndexOf('~');
                String op = tilde < 0 ? edges[i] : edges[i].substring(0, tilde);
                String from = tilde < 0 ? "" : edges[i].substring(tilde + 1);
                if (!from.equals(Integer.toString(i))) {
                    throw new IllegalArgumentException("'" + arch + "': '" + edges[i] + "' should read " + op + "~" + i
                            + " (node " + (j + 1) + "'s inputs come from nodes 0.." + j + " in order)");
                }
                if (!OPS.contains(op)) {
                    throw new IllegalArgumentException("'" + arch + "': op '" + op + "' is not one of " + OPS);
                }
                ops.add(op);
            }
        }
        return List.copyOf(ops);
    }

    /**
     * {@return the benchmark string of six ops in edge order}
     *
     * @param ops the ops on edges 0→1, 0→2, 1→2, 0→3, 1→3, 2→3
     */
    public static String format(List<String> ops) {
        if (ops.size() != EDGES || !OPS.containsAll(ops)) {
            throw new IllegalArgumentException(ops + " is not six NAS-Bench-201 ops");
        }
        return "|" + ops.get(0) + "~0|+|" + ops.get(1) + "~0|" + ops.get(2) + "~1|+|" + ops.get(3) + "~0|" + ops.get(4)
                + "~1|" + ops.get(5) + "~2|";
    }

    /**
     * NATS-Bench's "unique string" of a cell: the expression its output node computes, so that cells that compute
     * the same function (isomorphic cells, or cells that differ only on edges that cannot reach the output) get
     * the same string. Node 0 is {@code 0}; an edge with op <i>o</i> from a node with expression <i>x</i> is
     * {@code (x)@o}, {@code #} when <i>x</i> is {@code #}; {@code skip_connect} passes <i>x</i>; {@code none} is
     * {@code #}; a node is its edges' terms sorted and joined with {@code +}. This reproduces the
     * {@code UniqueString} column NATS-Bench's API gives (checked on all 15,625 cells).
     *
     * @param arch a benchmark string
     * @return the output node's expression
     */
    public static String uniqueString(String arch) {
        List<String> ops = parse(arch);
        String[] node = new String[4];
        node[0] = "0";
        int e = 0;
        for (int j = 1; j <= 3; j++) {
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < j; i++) {
                String op = ops.get(e++);
                String x = node[i];
                terms.add(switch (op) {
                    case "none" -> "#";
                    case "skip_connect" -> x;
                    default -> x.equals("#") ? "#" : "(" + x + ")@" + op;
                });
            }
            terms.sort(null);
            node[j] = String.join("+", terms);
        }
        return node[3];
    }
}
