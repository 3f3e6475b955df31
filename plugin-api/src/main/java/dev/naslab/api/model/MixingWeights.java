package dev.naslab.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The weights a supernet's forward pass mixes its candidate operations with, for one pass.
 * Besides the arrays it tells which entries are exactly zero ({@link #active} false: skip the
 * op, it contributes nothing) and which are exactly one (a decided edge: no multiplication).
 *
 * <p>The rule every space follows, soft or hard: the output of edge {@code e} is the sum, over the
 * ops {@code k} that are {@link #active}, of {@link #weigh}{@code (cell, e, k, op_k(x))}, plus
 * {@link #straightThrough}{@code (cell, e)} when that is not null (hard mode: the entries whose op
 * is not computed still pass their gradient); with partial channels that sum is the mixed part of
 * {@link dev.naslab.api.nn.Ops#partialChannelOutput}; the whole edge output is then multiplied by
 * {@link #edgeWeight}{@code (cell, e)} when that is not null (PC-DARTS's edge normalisation), plus
 * {@link #auxiliarySkip}{@code ·skip(x)} when that is not 0 (DARTS−), and a node
 * sums its incoming edges' outputs. An edge with no active op contributes nothing at all. A space may compute several edges' ops together
 * (folding weights into a BatchNorm scale, as the bundled spaces do) as long as the result is that
 * sum.
 */
public final class MixingWeights {

    private final Map<String, NDArray> weights;
    private final Map<String, boolean[][]> active;
    private final Map<String, boolean[][]> unit;
    private final Map<String, NDArray[][]> scalars = new HashMap<>();
    private final Map<String, float[][]> values;
    /** Per cell type, the straight-through scalar of every edge (hard mode), or null. */
    private final Map<String, NDArray> straight;
    private final Map<String, NDArray[]> straightScalars = new HashMap<>();
    /** Per cell type, one weight per edge for the edge's whole output (PC-DARTS's β), or null. */
    private final Map<String, NDArray> edges;
    private final Map<String, NDArray[]> edgeScalars = new HashMap<>();
    /** β of the auxiliary skip connections (DARTS−), 0 for none. */
    private final float auxiliarySkip;

    MixingWeights(Map<String, NDArray> weights, Map<String, boolean[][]> active,
            Map<String, boolean[][]> unit, Map<String, float[][]> values, Map<String, NDArray> straight,
            Map<String, NDArray> edges, float auxiliarySkip) {
        this.weights = weights;
        this.active = active;
        this.unit = unit;
        this.values = values;
        this.straight = straight;
        this.edges = edges;
        this.auxiliarySkip = auxiliarySkip;
    }

    /**
     * Mixing weights from given matrices (edges × ops per cell type, e.g. SDARTS's perturbed
     * weights) used as they are, without a softmax. {@code active} says which entries contribute
     * (false entries must be 0 in the matrix); no entry is treated as exactly 1, so every active
     * entry is multiplied in and receives a gradient when its matrix requires one.
     *
     * @since 0.2
     * @param matrices edges × ops weights per cell type
     * @param active per cell type, which entries are non-zero
     * @return the mixing weights
     */
    public static MixingWeights of(Map<String, NDArray> matrices, Map<String, boolean[][]> active) {
        Map<String, boolean[][]> unit = new java.util.LinkedHashMap<>();
        active.forEach((k, a) -> unit.put(k, new boolean[a.length][a.length == 0 ? 0 : a[0].length]));
        return new MixingWeights(new java.util.LinkedHashMap<>(matrices), new java.util.LinkedHashMap<>(active), unit,
                null, null, null, 0f);
    }

    /**
     * {@return these weights with a weight per edge for each edge's whole output} (see {@link #edgeWeight});
     * what {@link ArchState#weightsFrom(NDManager, java.util.function.BiFunction, java.util.function.Function)}
     * builds for undecided edges, here for weights made some other way.
     *
     * @param edgeWeights per cell type, the vector of its edges' weights
     * @since 0.3
     */
    public MixingWeights withEdgeWeights(Map<String, NDArray> edgeWeights) {
        return new MixingWeights(weights, active, unit, values, straight, new java.util.LinkedHashMap<>(edgeWeights),
                auxiliarySkip);
    }

    /**
     * {@return these weights with auxiliary skip connections of weight {@code beta}} (DARTS−): every
     * edge that has an active op also adds {@code beta·skip(x)} to its output ({@link #auxiliarySkip}). The
     * supernet must have been built with {@link SupernetOptions#auxiliarySkip}.
     *
     * @param beta the connections' weight, a number (no gradient), at least 0; 0 turns them off
     * @since 0.3
     */
    public MixingWeights withAuxiliarySkip(float beta) {
        if (!(beta >= 0) || Float.isInfinite(beta)) {
            throw new IllegalArgumentException("auxiliary skip weight must be finite and at least 0, got " + beta);
        }
        return new MixingWeights(weights, active, unit, values, straight, edges, beta);
    }

    /**
     * {@return β of the auxiliary skip connections in this pass, 0 when there are none} Every edge with an
     * active op adds {@code β·skip(x)} to its output, after its mixture (and after its
     * {@link #edgeWeight}, which does not scale the connection), where skip is the identity on a stride-1 edge
     * and the edge's own factorized reduction on a stride-2 edge ({@link SpaceCapability#AUXILIARY_SKIP}).
     *
     * @since 0.3
     */
    public float auxiliarySkip() {
        return auxiliarySkip;
    }

    /**
     * {@return the edges × ops weight matrix of a cell type}
     *
     * @param cell the cell type's name
     */
    public NDArray matrix(String cell) {
        return weights.get(cell);
    }

    /**
     * {@return false when the weight of op {@code k} on edge {@code e} is exactly zero}
     *
     * @param cell the cell type's name
     * @param e the edge (α row)
     * @param k the op (α column)
     */
    public boolean active(String cell, int e, int k) {
        return active.get(cell)[e][k];
    }

    /**
     * {@return true when the weight is exactly one (a decided edge)}
     *
     * @param cell the cell type's name
     * @param e the edge (α row)
     * @param k the op (α column)
     */
    public boolean unit(String cell, int e, int k) {
        return unit.get(cell)[e][k];
    }

    /**
     * {@return whether any op of edge {@code e} contributes}
     *
     * @param cell the cell type's name
     * @param e the edge (α row)
     */
    public boolean edgeActive(String cell, int e) {
        for (boolean b : active.get(cell)[e]) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /**
     * The edges × ops weights of a cell type as numbers, when this pass takes no gradient through
     * them (α is not training: weight steps, scoring with a fixed α), else null. A supernet may then
     * build what it derives from the weights on the host instead of with array operations, and
     * {@link #weigh} multiplies by a constant that takes no gradient.
     *
     * @param cell the cell type's name
     * @return the weights as numbers (do not modify), or null when the weights may need gradients
     * @since 0.2.2
     */
    public float[][] constants(String cell) {
        return values == null ? null : values.get(cell);
    }

    /**
     * {@code t} scaled by the weight of op {@code k} on edge {@code e}.
     *
     * @param cell the cell type's name
     * @param e the edge (α row)
     * @param k the op (α column)
     * @param t the op's output
     * @return the weighted output
     */
    public NDArray weigh(String cell, int e, int k, NDArray t) {
        if (unit(cell, e, k)) {
            return t;
        }
        float[][] v = constants(cell);
        NDArray[][] s = scalars.computeIfAbsent(cell, c -> {
            long[] shape = weights.get(c).getShape().getShape();
            return new NDArray[(int) shape[0]][(int) shape[1]];
        });
        if (s[e][k] == null) {
            // a constant is an array of the pass's manager, so it outlives the backward pass
            // (DJL 0.36's mul(Number) on PyTorch frees the number's memory before autograd reads it)
            s[e][k] = v != null ? weights.get(cell).getManager().create(v[e][k]) : weights.get(cell).get(e, k);
        }
        return v != null ? t.mul(s[e][k]) : dev.naslab.api.nn.Ops.scale(t, s[e][k]);
    }

    /**
     * The straight-through term of edge {@code e} in hard mode: the sum of the weights of the ops
     * that are not computed (value 0, gradient that of the soft weights), to be added to the edge's
     * output; null when the edge is soft, decided, or the pass takes no gradient through the weights.
     *
     * @param cell the cell type's name
     * @param e the edge (α row)
     * @return a scalar array of the pass, or null
     * @since 0.3
     */
    public NDArray straightThrough(String cell, int e) {
        if (straight == null || !straight.containsKey(cell)) {
            return null;
        }
        NDArray[] s = straightScalars.computeIfAbsent(cell, c -> new NDArray[(int) straight.get(c).getShape().get(0)]);
        if (s[e] == null) {
            s[e] = straight.get(cell).get(e);
        }
        return s[e];
    }

    /**
     * The weight of edge {@code e}'s whole output (PC-DARTS's edge normalisation, softmax of β over
     * a node's incoming edges), or null when the mixing has none: multiply the edge's output, bypassed
     * channels included, by it.
     *
     * @param cell the cell type's name
     * @param e the edge (α row)
     * @return a scalar array of the pass, or null
     * @since 0.3
     */
    public NDArray edgeWeight(String cell, int e) {
        if (edges == null || !edges.containsKey(cell)) {
            return null;
        }
        NDArray[] s = edgeScalars.computeIfAbsent(cell, c -> new NDArray[(int) edges.get(c).getShape().get(0)]);
        if (s[e] == null) {
            s[e] = edges.get(cell).get(e);
        }
        return s[e];
    }

    /**
     * {@return whether the edges of {@code cell} carry weights of their own ({@link #edgeWeight} not null)}
     *
     * @param cell the cell type's name
     * @since 0.3
     */
    public boolean hasEdgeWeights(String cell) {
        return edges != null && edges.containsKey(cell);
    }
}
