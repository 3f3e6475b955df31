package dev.naslab.api.model;

import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * How a search optimizer turns architecture parameters into mixing weights outside its own
 * training passes: the deterministic <em>evaluation</em> form the host uses wherever it mixes
 * (the end-of-search {@code supernet_valid_acc}, derivation, the selectors' scoring, DARTS-PT's
 * tuning, the Hessian probe), the per-op strengths derivation and the magnitude selector rank by,
 * and the architecture parameters beyond α the method needs (PC-DARTS's per-edge β).
 *
 * <p>An optimizer returns its mixing from {@link dev.naslab.api.SearchOptimizer#mixing}; the host
 * installs it on every supernet of the trial with {@link ArchState#use} before anything runs, and
 * records its {@link #id} with each checkpoint, so a selection run later, or on another machine,
 * mixes the same way (a checkpoint written with another mixing is refused). Stochastic training
 * forms (Gumbel, Dirichlet draws) are the optimizer's own business: it builds them in its
 * {@code step} with {@link ArchState#weightsFrom} or {@link ArchState#hardWeightsFrom} and the
 * search's seeded generator.
 *
 * <p>Both factories apply the state's decisions and masks, so a mixing written with them keeps the
 * selectors' meaning: a masked entry contributes nothing, a decided edge mixes its op alone.
 *
 * @since 0.3
 */
public interface ArchMixing {

    /** DARTS's mixing: row-wise {@code softmax(α)}; strengths are the same probabilities. */
    ArchMixing SOFTMAX = new ArchMixing() {
        @Override
        public String id() {
            return "softmax";
        }

        @Override
        public MixingWeights evaluation(ArchState arch, NDManager pass) {
            return arch.weightsFrom(pass, (cell, alpha) -> alpha.softmax(-1));
        }
    };

    /**
     * {@return the name checkpoints record, e.g. {@code softmax}, {@code gdas-argmax}} Two mixings
     * with the same id must mix identically.
     */
    String id();

    /**
     * The deterministic mixing weights of one pass (arrays in {@code pass}); gradients reach the
     * architecture parameters through them when those are trainable.
     *
     * @param arch the architecture state (α, extra parameters, decisions, masks)
     * @param pass the manager of this pass
     * @return the mixing weights every host pass uses
     */
    MixingWeights evaluation(ArchState arch, NDManager pass);

    /**
     * Per edge and op, how strong the op is by the architecture parameters alone (edges × ops, on
     * the host): what {@link dev.naslab.api.select.Derivation} and the magnitude selector take the
     * argmax and top-k of, and what the report draws as α trajectories. Decided and masked rows are
     * the state's business ({@link ArchState#strengths} applies them); the default is
     * {@code softmax(α)}.
     *
     * @param arch the architecture state
     * @param cell the cell type's name
     * @return edges × ops strengths
     */
    default float[][] strengths(ArchState arch, String cell) {
        return arch.probabilities(cell);
    }

    /**
     * The architecture parameters this mixing needs besides α, created by {@link ArchState#use}
     * (none by default).
     *
     * @param cellTypes the space's cell types
     * @return the extra parameters, each with its shape and initialisation
     */
    default List<ArchParameter> parameters(List<CellType> cellTypes) {
        return List.of();
    }
}
