package dev.naslab.optimizer.fairdarts;

import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The threshold rule (FairDARTS, {@code utils.parse}): where nodes keep all their inputs (NAS-Bench-201)
 * every edge is considered; elsewhere each node first keeps its {@code inputsPerNode} edges with the
 * strongest non-{@code none} op, as DARTS derives (the reference's {@code threshold_sparse} ranks edges
 * this way, whether or not their ops pass). On a considered edge, the ops (never {@code none}) whose strength is
 * at least the threshold are kept, at most {@code maxOps} of them, the strongest, listed in op order. An
 * edge that keeps none is removed ({@code none} on spaces that have it).
 */
final class ThresholdSelection {

    private ThresholdSelection() {
    }

    static List<String> select(CellType c, float[][] strengths, double threshold, int maxOps) {
        String[] out = new String[c.edges().size()];
        Arrays.fill(out, Architecture.REMOVED);
        List<Integer> considered = new ArrayList<>();
        if (c.inputsPerNode() == 0) {
            for (int e = 0; e < out.length; e++) {
                considered.add(e);
            }
        } else {
            for (int node : c.nodes()) {
                List<Integer> in = new ArrayList<>(c.incoming(node));
                in.sort(Comparator.comparingDouble((Integer e) -> -strongest(c, e, strengths[e])));
                considered.addAll(in.subList(0, Math.min(c.inputsPerNode(), in.size())));
            }
        }
        for (int e : considered) {
            List<Integer> passing = new ArrayList<>();
            for (int k = 0; k < strengths[e].length; k++) {
                if (!c.ops(e).get(k).equals("none") && strengths[e][k] >= threshold) {
                    passing.add(k);
                }
            }
            int edge = e;
            passing.sort(Comparator.comparingDouble((Integer k) -> -strengths[edge][k]));
            List<Integer> kept = new ArrayList<>(passing.subList(0, Math.min(maxOps, passing.size())));
            kept.sort(Comparator.naturalOrder());
            List<String> names = kept.stream().map(k -> c.ops(edge).get(k)).toList();
            out[e] = names.isEmpty() && c.ops(e).contains("none") && c.inputsPerNode() == 0 ? "none"
                    : Architecture.join(names);
        }
        return List.of(out);
    }

    private static double strongest(CellType c, int e, float[] row) {
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < row.length; k++) {
            if (!c.ops(e).get(k).equals("none")) {
                best = Math.max(best, row[k]);
            }
        }
        return best;
    }
}
