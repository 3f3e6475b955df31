package dev.naslab.api.train;

/** Learning-rate schedules. */
public final class Schedules {

    private Schedules() {
    }

    /**
     * Cosine annealing stepped per epoch ({@code CosineAnnealingLR}, T_max = epochs):
     * {@code min + (max − min)·(1 + cos(π·epoch/epochs))/2}.
     *
     * @param max the value at epoch 0
     * @param min the final value
     * @param epoch the epoch, 0-based
     * @param epochs the schedule's length in epochs
     * @return the value at epoch
     */
    public static float cosine(float max, float min, int epoch, int epochs) {
        return (float) (min + (max - min) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2);
    }
}
