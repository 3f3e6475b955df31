package dev.naslab.api.nn;

import dev.naslab.api.base.Rng;

/**
 * Weight initialisers drawn from naslab's own {@link Rng}, so that initial weights depend on the
 * seed alone, not on the engine. They follow PyTorch's layer defaults.
 */
public final class Init {

    private Init() {
    }

    /**
     * PyTorch's default for conv and linear layers: U(−b, b) with b = 1/√fanIn.
     *
     * @param rng the seeded generator to draw from
     * @param count how many values
     * @param fanIn inputs per output (in channels × kernel area)
     * @return the values
     */
    public static float[] uniformFanIn(Rng rng, int count, long fanIn) {
        double bound = 1.0 / Math.sqrt(fanIn);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return out;
    }
}
