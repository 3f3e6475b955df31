package dev.naslab.optimizer.gdas;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.ArchMixing;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.MixingWeights;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GDAS's deterministic mixing, used wherever the host mixes: every edge computes only its
 * {@code argmax α} op, with the straight-through weights of {@code softmax(α)} (value one-hot,
 * gradient that of the softmax). It is the Gumbel sampler without noise in the limit τ → 0: the
 * architecture GDAS derives, inside the supernet it trained one op per edge at a time. The
 * reference has no evaluation form (its validation passes sample too); this is naslab's choice, so
 * that {@code supernet_valid_acc} and the selectors' scores are deterministic.
 */
public final class ArgmaxMixing implements ArchMixing {

    /** The id checkpoints record. */
    public static final String ID = "gdas-argmax";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public MixingWeights evaluation(ArchState arch, NDManager pass) {
        Map<String, int[]> chosen = new LinkedHashMap<>();
        for (CellType c : arch.cellTypes()) {
            chosen.put(c.name(), argmax(arch.alphaValues(c.name())));
        }
        return arch.hardWeightsFrom(pass, (cell, alpha) -> alpha.softmax(-1), chosen);
    }

    /** The first largest entry of every row. */
    static int[] argmax(float[][] rows) {
        int[] out = new int[rows.length];
        for (int e = 0; e < rows.length; e++) {
            for (int k = 1; k < rows[e].length; k++) {
                if (rows[e][k] > rows[e][out[e]]) {
                    out[e] = k;
                }
            }
        }
        return out;
    }
}
