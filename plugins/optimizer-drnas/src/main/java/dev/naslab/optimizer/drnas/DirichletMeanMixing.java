package dev.naslab.optimizer.drnas;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.ArchMixing;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.MixingWeights;

/**
 * DrNAS's deterministic mixing: the Dirichlet's mean {@code c/Σc}, {@code c = elu(α) + 1}, per edge.
 * The reference samples in every pass, validation included; the mean is naslab's evaluation form, so
 * the host's passes are deterministic. Strengths are softmax(α), as the reference derives its genotype.
 */
final class DirichletMeanMixing implements ArchMixing {

    static final String ID = "dirichlet-mean";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public MixingWeights evaluation(ArchState arch, NDManager pass) {
        return arch.weightsFrom(pass, (cell, alpha) -> {
            NDArray c = DirichletSampler.concentration(alpha);
            return c.div(c.sum(new int[] {1}, true));
        });
    }
}
