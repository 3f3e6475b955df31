package dev.naslab.api.perturb;

/**
 * SDARTS's projection Π of a perturbed row of mixing weights back to a distribution: remember the
 * row's argmax, clamp entries to [0, 1], set the remembered entry to 1 if the row then sums to 0,
 * divide by the sum. It is the reference's clamp-and-renormalise, not a Euclidean projection.
 *
 * @since 0.2
 */
public final class Simplex {

    private Simplex() {
    }

    /**
     * Projects {@code row} in place.
     *
     * @param row a row of weights, projected in place
     */
    public static void project(float[] row) {
        int argmax = 0;
        for (int k = 1; k < row.length; k++) {
            if (row[k] > row[argmax]) {
                argmax = k;
            }
        }
        double sum = 0;
        for (int k = 0; k < row.length; k++) {
            row[k] = Math.min(1f, Math.max(0f, row[k]));
            sum += row[k];
        }
        if (sum == 0) {
            row[argmax] = 1f;
            sum = 1;
        }
        for (int k = 0; k < row.length; k++) {
            row[k] = (float) (row[k] / sum);
        }
    }
}
