package dev.naslab.api.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A discrete architecture: for every cell type, the operation chosen on each edge (in α row
 * order), or {@link #REMOVED} where topology selection dropped the edge. An edge that keeps several
 * ops (FairDARTS's threshold selection) names them joined by {@link #AND}, e.g.
 * {@code sep_conv_3x3&skip_connect}: the edge's output is the sum of theirs. Read an entry with
 * {@link #opsOf}, write one with {@link #join}; {@code none} and {@link #REMOVED} name no op to compute.
 *
 * @param cells cell type name → one entry per edge
 */
public record Architecture(Map<String, List<String>> cells) {

    /** Marks an edge that is not part of the architecture. */
    public static final String REMOVED = "-";

    /**
     * Joins the ops of an edge that keeps several; their outputs are summed.
     *
     * @since 0.3
     */
    public static final String AND = "&";

    /**
     * Copies {@code cells}, so an architecture never changes after it is made.
     *
     * @param cells cell type name → one op name per edge
     */
    public Architecture {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        cells.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        cells = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * {@return the ops of one cell type}
     *
     * @param cellType the cell type's name
     */
    public List<String> ops(String cellType) {
        List<String> ops = cells.get(cellType);
        if (ops == null) {
            throw new IllegalArgumentException("architecture has no cell type '" + cellType + "'");
        }
        return ops;
    }

    /**
     * {@return how many edges of all cell types chose {@code op}}
     *
     * @param op the op's name
     */
    public long count(String op) {
        return cells.values().stream().flatMap(List::stream).flatMap(e -> opsOf(e).stream()).filter(op::equals).count();
    }

    /**
     * {@return the ops an edge entry computes, in the entry's order} Empty for {@link #REMOVED} and
     * {@code none}; one op for a plain entry; several for entries joined by {@link #AND}.
     *
     * @param entry one edge's entry of {@link #cells}
     * @since 0.3
     */
    public static List<String> opsOf(String entry) {
        if (entry.equals(REMOVED) || entry.equals("none")) {
            return List.of();
        }
        return List.of(entry.split(java.util.regex.Pattern.quote(AND), -1));
    }

    /**
     * {@return the entry of an edge that keeps {@code ops}} {@link #REMOVED} when there are none.
     *
     * @param ops the ops the edge keeps, none of them {@code none}
     * @since 0.3
     */
    public static String join(List<String> ops) {
        return ops.isEmpty() ? REMOVED : String.join(AND, ops);
    }

    /**
     * {@return whether some edge of some cell type keeps more than one op}
     *
     * @since 0.3
     */
    public boolean hasMultiOpEdges() {
        return cells.values().stream().flatMap(List::stream).anyMatch(e -> e.contains(AND));
    }
}
