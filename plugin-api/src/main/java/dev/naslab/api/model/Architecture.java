package dev.naslab.api.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A discrete architecture: for every cell type, the operation chosen on each edge (in α row
 * order), or {@link #REMOVED} where topology selection dropped the edge.
 *
 * @param cells cell type name → one op name per edge
 */
public record Architecture(Map<String, List<String>> cells) {

    /** Marks an edge that is not part of the architecture. */
    public static final String REMOVED = "-";

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
        return cells.values().stream().flatMap(List::stream).filter(op::equals).count();
    }
}
