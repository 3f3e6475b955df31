package dev.naslab.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.base.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The architecture side of a supernet, kept apart from its structure and weights: α per cell
 * type (edges × ops, trainable), the extra architecture parameters the optimizer's mixing declares
 * ({@link ArchParameter}), the decision state of every edge (undecided, op fixed, or removed) and
 * temporary masks used by perturbation-based selection.
 *
 * <p>{@link #mixingWeights} is the one function every host pass uses: the installed
 * {@link ArchMixing}'s evaluation form ({@code softmax(α)} row-wise unless the optimizer says
 * otherwise), with decided rows replaced by constants (one-hot for a fixed op, zeros for a removed
 * edge) and masked entries set to 0 <em>without renormalising</em> the row. Decided rows are
 * constants, so their α receives no gradient. {@link #weightsFrom} and {@link #hardWeightsFrom}
 * are the two ways a mixing, or an optimizer's own training pass, builds weights with those rules.
 */
public final class ArchState implements AutoCloseable {

    /** Decision value of an edge that is still mixed. */
    public static final int UNDECIDED = -1;
    /** Decision value of an edge removed by topology selection. */
    public static final int REMOVED = -2;

    private final List<CellType> cellTypes;
    private final NDManager manager;
    private final Map<String, NDArray> alpha = new LinkedHashMap<>();
    private final Map<String, int[]> decisions = new LinkedHashMap<>();
    private final Map<String, boolean[][]> masks = new LinkedHashMap<>();
    private final Map<String, NDArray> extra = new LinkedHashMap<>();
    /** Whether α takes gradients; when not, mixing weights also carry their values as numbers. */
    private boolean trainable = true;
    private ArchMixing mixing = ArchMixing.SOFTMAX;

    /**
     * Creates α as {@code initStd · N(0,1)} for every cell type (the reference initialisation
     * uses 1e-3).
     *
     * @param cellTypes the space's cell types
     * @param parent the manager to derive from
     * @param rng the seeded generator to draw from
     * @param initStd standard deviation of α's Gaussian initialisation (0: α ≡ 0)
     */
    public ArchState(List<CellType> cellTypes, NDManager parent, Rng rng, float initStd) {
        this.cellTypes = List.copyOf(cellTypes);
        this.manager = parent.newSubManager();
        for (CellType c : cellTypes) {
            int e = c.edges().size();
            int k = c.opCount();
            float[] init = new float[e * k];
            for (int i = 0; i < init.length; i++) {
                init[i] = (float) (initStd * rng.nextGaussian());
            }
            NDArray a = manager.create(init, new Shape(e, k));
            a.setName("alpha/" + c.name());
            a.setRequiresGradient(true);
            alpha.put(c.name(), a);
            int[] d = new int[e];
            Arrays.fill(d, UNDECIDED);
            decisions.put(c.name(), d);
            masks.put(c.name(), new boolean[e][k]);
        }
    }

    /** {@return the cell types, in order} */
    public List<CellType> cellTypes() {
        return cellTypes;
    }

    /**
     * {@return the cell type called {@code name}}
     *
     * @param name the cell type's name
     */
    public CellType cellType(String name) {
        return cellTypes.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell type '" + name + "'"));
    }

    /**
     * {@return α of one cell type (edges × ops), with a gradient attached}
     *
     * @param cell the cell type's name
     */
    public NDArray alpha(String cell) {
        return alpha.get(cell);
    }

    /** {@return all α matrices by cell type name} */
    public Map<String, NDArray> alphas() {
        return alpha;
    }

    /**
     * {@return α of one cell type copied to the host}
     *
     * @param cell the cell type's name
     */
    public float[][] alphaValues(String cell) {
        CellType c = cellType(cell);
        float[] flat = alpha.get(cell).toFloatArray();
        float[][] out = new float[c.edges().size()][c.opCount()];
        for (int e = 0; e < out.length; e++) {
            System.arraycopy(flat, e * out[e].length, out[e], 0, out[e].length);
        }
        return out;
    }

    /**
     * The host copy of the projected weights: {@code softmax(α)} per row, decided rows replaced
     * by one-hot (fixed) or zero (removed) rows; masks are not applied.
     *
     * @param cell the cell type's name
     * @return the host copy of the projected weights: {@code softmax(α)} per row, decided rows replaced by one-hot (fixed) or zero (removed) rows
     */
    public float[][] probabilities(String cell) {
        float[][] a = alphaValues(cell);
        int[] d = decisions.get(cell);
        for (int e = 0; e < a.length; e++) {
            if (d[e] == UNDECIDED) {
                softmaxInPlace(a[e]);
            } else {
                Arrays.fill(a[e], 0f);
                if (d[e] >= 0) {
                    a[e][d[e]] = 1f;
                }
            }
        }
        return a;
    }

    static void softmaxInPlace(float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] ex = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            ex[i] = Math.exp(row[i] - max);
            sum += ex[i];
        }
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) (ex[i] / sum);
        }
    }

    /**
     * {@return the decision of an edge: an op index, {@link #UNDECIDED} or {@link #REMOVED}}
     *
     * @param cell the cell type's name
     * @param edge the edge (α row)
     */
    public int decision(String cell, int edge) {
        return decisions.get(cell)[edge];
    }

    /**
     * Edges of {@code cell} that are still undecided, ascending.
     *
     * @param cell the cell type's name
     * @return edges of {@code cell} that are still undecided, ascending
     */
    public List<Integer> undecidedEdges(String cell) {
        List<Integer> out = new ArrayList<>();
        int[] d = decisions.get(cell);
        for (int e = 0; e < d.length; e++) {
            if (d[e] == UNDECIDED) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * {@return whether any edge of any cell type is still undecided (only then can α receive a gradient)}
     *
     * @since 0.2
     */
    public boolean anyUndecided() {
        return decisions.values().stream().anyMatch(d -> java.util.Arrays.stream(d).anyMatch(v -> v == UNDECIDED));
    }

    /**
     * Fixes {@code edge} to operation {@code op} (weight 1, others 0) for good.
     *
     * @param cell the cell type's name
     * @param edge the edge (α row)
     * @param op the op (α column)
     */
    public void fixOp(String cell, int edge, int op) {
        CellType c = cellType(cell);
        if (op < 0 || op >= c.opCount()) {
            throw new IllegalArgumentException("op index " + op + " out of range for " + cell);
        }
        decisions.get(cell)[edge] = op;
    }

    /**
     * Removes {@code edge} from the architecture (all its weights 0).
     *
     * @param cell the cell type's name
     * @param edge the edge (α row)
     */
    public void removeEdge(String cell, int edge) {
        decisions.get(cell)[edge] = REMOVED;
    }

    /**
     * Masks one op of one edge (its weight becomes 0, the row is not renormalised).
     *
     * @param cell the cell type's name
     * @param edge the edge (α row)
     * @param op the op (α column)
     */
    public void mask(String cell, int edge, int op) {
        masks.get(cell)[edge][op] = true;
    }

    /**
     * Masks every op of {@code edge}, as if the edge were removed.
     *
     * @param cell the cell type's name
     * @param edge the edge (α row)
     */
    public void maskEdge(String cell, int edge) {
        Arrays.fill(masks.get(cell)[edge], true);
    }

    /** Clears all masks. */
    public void clearMasks() {
        for (boolean[][] m : masks.values()) {
            for (boolean[] row : m) {
                Arrays.fill(row, false);
            }
        }
    }

    /**
     * Whether α receives gradients.
     *
     * @param trainable whether α trains
     */
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
        for (NDArray a : alpha.values()) {
            a.setRequiresGradient(trainable);
        }
        for (NDArray a : extra.values()) {
            a.setRequiresGradient(trainable);
        }
    }

    /**
     * Sets every α entry to {@code value} (α ≡ 0 gives uniform mixing).
     *
     * @param value the value every α entry takes
     */
    public void fill(float value) {
        for (NDArray a : alpha.values()) {
            a.muli(0).addi(value);
        }
    }

    /**
     * Installs the optimizer's mixing and creates the extra architecture parameters it declares
     * (drawn from {@code rng}; a parameter that exists already is kept). The host calls this on
     * every supernet of a trial, before a search begins or a checkpoint is loaded.
     *
     * @param mixing the optimizer's mixing
     * @param rng the generator the extra parameters' initial values are drawn from
     * @since 0.3
     */
    public void use(ArchMixing mixing, Rng rng) {
        this.mixing = Objects.requireNonNull(mixing, "mixing");
        for (ArchParameter p : mixing.parameters(cellTypes)) {
            if (extra.containsKey(p.name())) {
                continue;
            }
            float[] init = new float[Math.toIntExact(p.size())];
            for (int i = 0; i < init.length; i++) {
                init[i] = (float) (p.initStd() * rng.nextGaussian());
            }
            NDArray a = manager.create(init, new Shape(p.shape()));
            a.setName("arch/" + p.name());
            a.setRequiresGradient(trainable);
            extra.put(p.name(), a);
        }
    }

    /**
     * {@return the installed mixing} {@link ArchMixing#SOFTMAX} until {@link #use} says otherwise.
     *
     * @since 0.3
     */
    public ArchMixing mixing() {
        return mixing;
    }

    /**
     * {@return the extra architecture parameter called {@code name}}
     *
     * @param name the name its {@link ArchParameter} gave
     * @throws IllegalArgumentException when the installed mixing declared no such parameter
     * @since 0.3
     */
    public NDArray parameter(String name) {
        NDArray a = extra.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no architecture parameter '" + name + "' (declared: " + extra.keySet() + ")");
        }
        return a;
    }

    /**
     * {@return the extra architecture parameters by name} Empty unless the mixing declares some.
     *
     * @since 0.3
     */
    public Map<String, NDArray> extraParameters() {
        return java.util.Collections.unmodifiableMap(extra);
    }

    /**
     * {@return every trainable architecture array: α keyed by its cell type's name, then the extra
     * parameters keyed {@code arch/<name>}} What an α optimizer is built over ({@code new Adam(arch.trainables(),
     * ...)}); α's keys are those of {@link #alphas()}, which every α optimizer has used, so an optimizer state
     * saved by one (a search's checkpoint) is found by another built over {@link #alphas()} (DARTS-PT's tuning).
     *
     * @since 0.3
     */
    public Map<String, NDArray> trainables() {
        Map<String, NDArray> out = new LinkedHashMap<>(alpha);
        extra.forEach((k, v) -> out.put("arch/" + k, v));
        return out;
    }

    /**
     * The host copy of the op strengths of one cell type by the installed mixing
     * ({@link ArchMixing#strengths}, softmax(α) by default), decided rows replaced by one-hot
     * (fixed) or zero (removed) rows; masks are not applied. Derivation and the magnitude selector
     * rank by these.
     *
     * @param cell the cell type's name
     * @return edges × ops strengths
     * @since 0.3
     */
    public float[][] strengths(String cell) {
        float[][] s = mixing.strengths(this, cell);
        int[] d = decisions.get(cell);
        for (int e = 0; e < s.length; e++) {
            if (d[e] != UNDECIDED) {
                Arrays.fill(s[e], 0f);
                if (d[e] >= 0) {
                    s[e][d[e]] = 1f;
                }
            }
        }
        return s;
    }

    /**
     * The mixing weights every host pass uses: the installed mixing's evaluation form (its arrays
     * live in {@code pass}).
     *
     * @param pass the manager of this pass
     * @return the mixing weights of every cell type for one forward pass
     */
    public MixingWeights mixingWeights(NDManager pass) {
        return mixing.evaluation(this, pass);
    }

    /**
     * An alias of an architecture array (α or an extra parameter) that lives in {@code pass}, with
     * the gradient flowing back to the array: compute from it, not from the array itself, so every
     * intermediate array of the pass is freed with the pass (an operation's result lives in its
     * first operand's manager, and the architecture arrays' manager lives as long as the search).
     * {@link #weightsFrom} hands its row function such an alias of α already.
     *
     * @param parameter α of a cell type or an extra parameter of this state
     * @param pass the manager of this pass
     * @return the alias, an array of {@code pass}
     * @since 0.3
     */
    public NDArray view(NDArray parameter, NDManager pass) {
        NDArray v = parameter.reshape(parameter.getShape());
        v.attach(pass);
        return v;
    }

    /**
     * Soft mixing weights from per-cell rows computed from the architecture parameters (e.g.
     * {@code softmax(α)}, {@code sigmoid(α)}, a Dirichlet draw), with this state's decisions and masks
     * applied: decided rows become constants (one-hot for a fixed op, exactly 1 and not multiplied;
     * zeros for a removed edge), masked entries 0 without renormalising. When α is not trainable the
     * weights also carry their values as numbers ({@link MixingWeights#constants}).
     *
     * @param pass the manager of this pass
     * @param rows per cell type name and its α (a {@link #view} in the pass), the edges × ops weights
     *             before decisions and masks, computed in the pass
     * @return the mixing weights of every cell type for one forward pass
     * @since 0.3
     */
    public MixingWeights weightsFrom(NDManager pass, BiFunction<String, NDArray, NDArray> rows) {
        return WeightsAssembly.assemble(this, pass, rows, null, null);
    }

    /**
     * Soft mixing weights as {@link #weightsFrom(NDManager, BiFunction)}, plus a weight per
     * edge for the edge's whole output ({@link MixingWeights#edgeWeight}; PC-DARTS's softmax of β over each
     * node's incoming edges). Decided edges get edge weight 1: they are part of the architecture as they are.
     *
     * @param pass the manager of this pass
     * @param rows per cell type name and its α (a {@link #view} in the pass), the edges × ops weights
     * @param edgeWeights per cell type name, the vector of its edges' weights computed in the pass (built
     *                    from {@link #view}s of the extra parameters)
     * @return the mixing weights of every cell type for one forward pass
     * @since 0.3
     */
    public MixingWeights weightsFrom(NDManager pass, BiFunction<String, NDArray, NDArray> rows,
            Function<String, NDArray> edgeWeights) {
        return WeightsAssembly.assemble(this, pass, rows, null,
                Objects.requireNonNull(edgeWeights, "edgeWeights"));
    }

    /**
     * Hard mixing weights (GDAS): on every undecided edge only op {@code chosen[cell][e]} is computed,
     * weighted by {@code 1 − sg(p) + p} (value 1), and every other unmasked entry contributes the
     * straight-through scalar {@code 0 − sg(p) + p} (value 0) to the edge's output
     * ({@link MixingWeights#straightThrough}), so the whole row still receives the gradient of
     * {@code p}. Decided rows and masks as in {@link #weightsFrom}; a masked chosen op leaves the edge
     * its straight-through terms only.
     *
     * @param pass the manager of this pass
     * @param rows per cell type name and its α (a {@link #view} in the pass), the soft edges × ops
     *             weights p, computed in the pass
     * @param chosen per cell type, the op each edge computes (entries of decided edges are ignored)
     * @return the mixing weights of every cell type for one forward pass
     * @since 0.3
     */
    public MixingWeights hardWeightsFrom(NDManager pass, BiFunction<String, NDArray, NDArray> rows,
            Map<String, int[]> chosen) {
        return WeightsAssembly.assemble(this, pass, rows, Objects.requireNonNull(chosen, "chosen"), null);
    }

    /**
     * The architecture tensors for checkpoints: α keyed {@code alpha/<cell>}, extra parameters
     * keyed {@code arch/<name>}.
     *
     * @return α tensors by checkpoint key
     */
    public Map<String, NDArray> tensors() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        alpha.forEach((k, v) -> out.put("alpha/" + k, v));
        extra.forEach((k, v) -> out.put("arch/" + k, v));
        return out;
    }

    /** {@return a copy of the decision state, by cell type} */
    public Map<String, int[]> decisions() {
        Map<String, int[]> out = new LinkedHashMap<>();
        decisions.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /**
     * Restores a decision state saved with {@link #decisions()}.
     *
     * @param saved decisions per cell type as saved by decisions()
     */
    public void restoreDecisions(Map<String, int[]> saved) {
        saved.forEach((k, v) -> System.arraycopy(v, 0, decisions.get(k), 0, v.length));
    }

    /** The live decision row of a cell type, for {@link WeightsAssembly}. */
    int[] decisionRow(String cell) {
        return decisions.get(cell);
    }

    /** The live mask of a cell type, for {@link WeightsAssembly}. */
    boolean[][] maskOf(String cell) {
        return masks.get(cell);
    }

    /** Whether α and the extra parameters are recorded for gradients. */
    boolean isTrainable() {
        return trainable;
    }

    @Override
    public void close() {
        manager.close();
    }
}
