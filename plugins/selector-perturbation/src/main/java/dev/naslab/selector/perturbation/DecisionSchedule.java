package dev.naslab.selector.perturbation;

import dev.naslab.api.model.CellType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * When DARTS-PT decides and how long it tunes in between (darts-pt.md §1.5). With interval I and
 * R decision rounds, tuning lasts T = I·(R−1) epochs (NAS-Bench-201) or I·(R−1)+1 (spaces with a
 * topology step, the DARTS space); a round is decided at the start of epoch t when
 * {@code t % I == 0 or t == T−1}. The tuning after the last round cannot change the architecture
 * and is skipped. Where the reference's rule yields fewer than R decision epochs (I = 1 on
 * NAS-Bench-201 leaves the last edge undecided there; the reference then takes argmax α after its
 * remaining tuning epochs), naslab tunes those remaining epochs too and then decides the remaining
 * rounds by perturbation, one after the other.
 */
final class DecisionSchedule {

    private final int[] gaps;
    private final int totalEpochs;
    private final List<Integer> decisionEpochs = new ArrayList<>();

    /**
     * The schedule for {@code cells}: each round decides one edge's op and then one node's inputs in
     * every cell type, so the cell type with the most open decisions sets the number of rounds; a
     * topology step exists when some node has inputs to choose.
     *
     * @param openEdges the edges of a cell type whose op is still open
     * @param openNodes the nodes of a cell type whose inputs are still open
     */
    static DecisionSchedule forCells(List<CellType> cells, ToIntFunction<CellType> openEdges,
            Function<CellType, List<Integer>> openNodes, int interval) {
        int rounds = 0;
        boolean topology = false;
        for (CellType c : cells) {
            int nodes = openNodes.apply(c).size();
            topology |= nodes > 0;
            rounds = Math.max(rounds, openEdges.applyAsInt(c) + nodes);
        }
        return new DecisionSchedule(rounds, interval, topology);
    }

    DecisionSchedule(int rounds, int interval, boolean topology) {
        gaps = new int[rounds];
        if (interval == 0 || rounds == 0) {
            totalEpochs = 0;
            return;
        }
        totalEpochs = interval * (rounds - 1) + (topology ? 1 : 0);
        for (int t = 0; t < totalEpochs && decisionEpochs.size() < rounds; t++) {
            if (t % interval == 0 || t == totalEpochs - 1) {
                decisionEpochs.add(t);
            }
        }
        for (int r = 0; r + 1 < decisionEpochs.size(); r++) {
            gaps[r] = decisionEpochs.get(r + 1) - decisionEpochs.get(r);
        }
        if (decisionEpochs.size() < rounds && !decisionEpochs.isEmpty()) {
            // the reference trains the rest of its tuning epochs after its last decision and only then
            // settles the remaining edges (by argmax α): keep that gap before naslab's extra rounds
            int last = decisionEpochs.size() - 1;
            gaps[last] = totalEpochs - decisionEpochs.get(last);
        }
    }

    /** How many decision rounds there are. */
    int rounds() {
        return gaps.length;
    }

    /** Tuning epochs after round {@code r} (0 after the last). */
    int gapAfter(int round) {
        return gaps[round];
    }

    /** The reference's total tuning epochs T (including the skipped final one). */
    int totalEpochs() {
        return totalEpochs;
    }

    /** The epochs (0-based) at whose start the reference decides. */
    List<Integer> decisionEpochs() {
        return decisionEpochs;
    }

    /** Tuning epochs actually run. */
    int tunedEpochs() {
        int sum = 0;
        for (int g : gaps) {
            sum += g;
        }
        return sum;
    }
}
