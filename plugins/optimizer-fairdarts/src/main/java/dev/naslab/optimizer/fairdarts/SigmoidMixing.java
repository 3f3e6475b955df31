package dev.naslab.optimizer.fairdarts;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import dev.naslab.api.model.ArchMixing;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.MixingWeights;

/**
 * FairDARTS's mixing: every op weighted by its own {@code σ(α)}, with no competition between the ops of
 * an edge (the reference's {@code F.sigmoid(self.alphas_normal)}). Deterministic, so training and
 * evaluation passes mix alike; the strengths derivation and selectors rank by are {@code σ(α)} too.
 */
final class SigmoidMixing implements ArchMixing {

    static final String ID = "sigmoid";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public MixingWeights evaluation(ArchState arch, NDManager pass) {
        return arch.weightsFrom(pass, (cell, alpha) -> Activation.sigmoid(alpha));
    }

    @Override
    public float[][] strengths(ArchState arch, String cell) {
        float[][] a = arch.alphaValues(cell);
        for (float[] row : a) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) (1 / (1 + Math.exp(-row[k])));
            }
        }
        return a;
    }
}
