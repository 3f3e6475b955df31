package dev.naslab.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A term an optimizer adds to the loss of an α step or a weight step (β-DARTS's logsumexp
 * regulariser, FairDARTS's zero-one loss), built inside the pass so its gradient is taken with the
 * cross-entropy's. See {@link Passes#backward(java.util.function.Function, dev.naslab.api.data.Batch, LossTerm)}
 * and {@link BilevelSteps}; the pass reports the term's value as {@link PassResult#term} for the
 * optimizer to log.
 *
 * <p>Build constants as arrays of {@code pass} ({@code pass.create(λ)}) and multiply by them rather
 * than with {@code mul(Number)}: on PyTorch, DJL 0.36 frees a number's memory when the multiply
 * returns, while autograd reads it in the backward pass.
 *
 * @since 0.3
 */
@FunctionalInterface
public interface LossTerm {

    /**
     * {@return the term for one pass: a scalar array of {@code pass}, with a gradient where it should train}
     *
     * @param pass the manager of the pass
     */
    NDArray value(NDManager pass);
}
