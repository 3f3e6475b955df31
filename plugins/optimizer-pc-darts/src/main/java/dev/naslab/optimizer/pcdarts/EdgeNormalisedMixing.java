package dev.naslab.optimizer.pcdarts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.model.ArchMixing;
import dev.naslab.api.model.ArchParameter;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.MixingWeights;
import java.util.ArrayList;
import java.util.List;

/**
 * PC-DARTS's mixing, deterministic and so the same in training and evaluation: op weights
 * {@code softmax(α)} per edge, and edge weights {@code softmax(β)} over the edges entering each node
 * (edge normalisation), one β per edge of every cell type ({@code beta/<cell>}, initialised
 * {@code 1e-3·N(0,1)} as the reference's {@code betas_normal}/{@code betas_reduce}). An op's strength,
 * which derivation ranks by, is {@code softmax(α)[e][k] · edgeWeight[e]}, as the reference's genotype.
 */
final class EdgeNormalisedMixing implements ArchMixing {

    static final String ID = "pc-darts-edge-normalised";

    @Override
    public String id() {
        return ID;
    }

    static String beta(String cell) {
        return "beta/" + cell;
    }

    @Override
    public List<ArchParameter> parameters(List<CellType> cellTypes) {
        List<ArchParameter> out = new ArrayList<>();
        for (CellType c : cellTypes) {
            out.add(new ArchParameter(beta(c.name()), new long[] {c.edges().size()}, 1e-3f));
        }
        return out;
    }

    @Override
    public MixingWeights evaluation(ArchState arch, NDManager pass) {
        return arch.weightsFrom(pass, (cell, alpha) -> alpha.softmax(-1),
                cell -> edgeWeights(arch.view(arch.parameter(beta(cell)), pass), arch.cellType(cell)));
    }

    /**
     * Softmax of β within each group of edges that enter the same node: {@code exp(β_e) / Σ_{f→node(e)} exp(β_f)},
     * with one shift by the global maximum (softmax is shift-invariant per group, so one shift serves all).
     */
    static NDArray edgeWeights(NDArray beta, CellType cell) {
        int edges = cell.edges().size();
        float[] sameNode = new float[edges * edges];
        for (int e = 0; e < edges; e++) {
            for (int f = 0; f < edges; f++) {
                sameNode[e * edges + f] = cell.edges().get(e).to() == cell.edges().get(f).to() ? 1f : 0f;
            }
        }
        NDArray ex = beta.sub(beta.max().stopGradient()).exp();
        NDArray groups = beta.getManager().create(sameNode, new Shape(edges, edges));
        return ex.div(groups.matMul(ex.reshape(edges, 1)).reshape(edges));
    }

    /** The host copy of the edge weights of one cell type. */
    static float[] edgeWeightValues(ArchState arch, String cell) {
        float[] beta = arch.parameter(beta(cell)).toFloatArray();
        CellType type = arch.cellType(cell);
        float[] out = new float[beta.length];
        for (int node : type.nodes()) {
            List<Integer> in = type.incoming(node);
            double max = Double.NEGATIVE_INFINITY;
            for (int e : in) {
                max = Math.max(max, beta[e]);
            }
            double sum = 0;
            for (int e : in) {
                sum += Math.exp(beta[e] - max);
            }
            for (int e : in) {
                out[e] = (float) (Math.exp(beta[e] - max) / sum);
            }
        }
        return out;
    }

    @Override
    public float[][] strengths(ArchState arch, String cell) {
        float[][] p = arch.probabilities(cell);
        float[] w = edgeWeightValues(arch, cell);
        for (int e = 0; e < p.length; e++) {
            for (int k = 0; k < p[e].length; k++) {
                p[e][k] *= w[e];
            }
        }
        return p;
    }
}
