package dev.naslab.api.select;

import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DARTS's derivation of a discrete architecture from (projected) mixing weights, for any space:
 * <ul>
 * <li>cell types whose nodes keep all inputs (NAS-Bench-201): argmax over every op per edge,
 *     {@code none} included, first index on ties;</li>
 * <li>cell types whose nodes keep k inputs (DARTS: 2): per node, rank incoming edges by their
 *     largest non-{@code none} weight (stable, ties to the lower edge), keep the top k, each with
 *     its argmax non-{@code none} op; the other edges are {@link Architecture#REMOVED}.</li>
 * </ul>
 */
public final class Derivation {

    private Derivation() {
    }

    /**
     * Derives from the arch state's op strengths ({@link ArchState#strengths}: the optimizer's mixing's,
     * softmax(α) by default, with decisions applied).
     *
     * @param arch the architecture state (α, decisions, masks)
     * @return the architecture
     */
    public static Architecture derive(ArchState arch) {
        Map<String, List<String>> cells = new LinkedHashMap<>();
        for (CellType c : arch.cellTypes()) {
            cells.put(c.name(), derive(c, arch.strengths(c.name())));
        }
        return new Architecture(cells);
    }

    /**
     * Derives one cell type from an edges × ops weight matrix.
     *
     * @param c the cell type
     * @param w edges × ops weights
     * @return one op name per edge
     */
    public static List<String> derive(CellType c, float[][] w) {
        String[] out = new String[c.edges().size()];
        if (c.inputsPerNode() == 0) {
            for (int e = 0; e < out.length; e++) {
                out[e] = c.ops(e).get(argmax(w[e], -1));
            }
            return List.of(out);
        }
        Arrays.fill(out, Architecture.REMOVED);
        for (int node : c.nodes()) {
            List<Integer> in = new ArrayList<>(c.incoming(node));
            in.sort((a, b) -> Float.compare(strength(w[b], c.opIndex(b, "none")),
                    strength(w[a], c.opIndex(a, "none"))));
            for (int i = 0; i < Math.min(c.inputsPerNode(), in.size()); i++) {
                int e = in.get(i);
                out[e] = c.ops(e).get(argmax(w[e], c.opIndex(e, "none")));
            }
        }
        return List.of(out);
    }

    private static float strength(float[] row, int skip) {
        float best = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < row.length; k++) {
            if (k != skip) {
                best = Math.max(best, row[k]);
            }
        }
        return best;
    }

    /**
     * {@return index of the largest entry other than {@code skip}; the first one on ties}
     *
     * @param row the row's values
     * @param skip a column to leave out (-1: none)
     */
    public static int argmax(float[] row, int skip) {
        int best = -1;
        for (int k = 0; k < row.length; k++) {
            if (k != skip && (best < 0 || row[k] > row[best])) {
                best = k;
            }
        }
        return best;
    }
}
