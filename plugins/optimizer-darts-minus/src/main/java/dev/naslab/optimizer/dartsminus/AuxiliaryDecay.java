package dev.naslab.optimizer.dartsminus;

/**
 * How the weight β of DARTS−'s auxiliary skip connections falls over the search: the reference's
 * {@code DecayScheduler} ({@code src/utils.py}) with its start epoch 0, {@code β(e) = β₀·f(e/T)} for
 * epochs {@code e ≤ T} and {@code β(T)} after, where T is {@code decay_epochs}.
 */
public enum AuxiliaryDecay {

    /** {@code f(t) = 1 − t}: the reference's published runs ({@code --decay linear}). */
    LINEAR,
    /** {@code f(t) = (1 + cos πt)/2}. */
    COSINE,
    /** {@code f(t) = cos(πt/2)}. */
    SLOW_COSINE,
    /** {@code f(t) = 1}: β₀ throughout (the reference without {@code --decay}). */
    CONSTANT;

    /**
     * {@return β of epoch {@code epoch}}
     *
     * @param beta0 β at epoch 0
     * @param decayEpochs T, the epoch at which the decay ends
     * @param epoch the epoch, 0-based
     */
    public double beta(double beta0, int decayEpochs, int epoch) {
        double t = Math.min(epoch, decayEpochs) / (double) decayEpochs;
        return switch (this) {
            case LINEAR -> beta0 * (1 - t);
            case COSINE -> beta0 * (1 + Math.cos(Math.PI * t)) / 2;
            case SLOW_COSINE -> beta0 * Math.cos(Math.PI / 2 * t);
            case CONSTANT -> beta0;
        };
    }
}
