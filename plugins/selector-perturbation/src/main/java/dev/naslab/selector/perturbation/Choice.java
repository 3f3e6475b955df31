package dev.naslab.selector.perturbation;

/** The tie rules of DARTS-PT's decisions, as pure functions of the scores. */
final class Choice {

    private Choice() {
    }

    /**
     * The op to keep: lowest accuracy after its removal (first index on ties), or with
     * {@code byAccuracy=false} highest loss after its removal (first index on ties).
     */
    static int opToKeep(double[] accuracyAfterRemoval, double[] lossAfterRemoval, boolean byAccuracy) {
        int best = 0;
        for (int k = 1; k < accuracyAfterRemoval.length; k++) {
            if (byAccuracy ? accuracyAfterRemoval[k] < accuracyAfterRemoval[best]
                    : lossAfterRemoval[k] > lossAfterRemoval[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The least important edge among {@code candidates} (indices into the score arrays): highest
     * accuracy after its removal, or lowest loss; ties go to the later candidate.
     */
    static int edgeToDrop(int[] candidates, double[] accuracyAfterRemoval, double[] lossAfterRemoval,
            boolean byAccuracy) {
        int worst = candidates[0];
        for (int i = 1; i < candidates.length; i++) {
            int c = candidates[i];
            if (byAccuracy ? accuracyAfterRemoval[c] >= accuracyAfterRemoval[worst]
                    : lossAfterRemoval[c] <= lossAfterRemoval[worst]) {
                worst = c;
            }
        }
        return worst;
    }
}
