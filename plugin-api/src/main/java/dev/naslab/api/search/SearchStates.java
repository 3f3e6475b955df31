package dev.naslab.api.search;

/**
 * Names under which a search registers its optimizers ({@link SearchState#register}) so that
 * selectors can continue from them ({@code SelectionContext.restoreSearchState}): a contract
 * between optimizer and selector plugins that neither has to guess.
 *
 * @since 0.2
 */
public final class SearchStates {

    /**
     * The α optimizer, an {@link dev.naslab.api.train.Adam}; its saved state includes its
     * hyper-parameters, so a selector that restores it (DARTS-PT's tuning) continues with the
     * search's learning rate, betas and weight decay.
     */
    public static final String ALPHA_OPTIMIZER = "alpha";

    /**
     * The weights' optimizer, an {@link dev.naslab.api.train.Sgd}; its saved state includes the
     * search's initial learning rate ({@link dev.naslab.api.train.Sgd#baseLr()}), from which DARTS-PT
     * derives its tuning learning rate (a tenth of it).
     */
    public static final String WEIGHT_OPTIMIZER = "weights";

    private SearchStates() {
    }
}
