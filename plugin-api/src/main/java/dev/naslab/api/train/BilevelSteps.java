package dev.naslab.api.train;

import dev.naslab.api.data.Batch;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.Supernet;

/**
 * The two halves of a first-order DARTS iteration, shared by search optimizers and by
 * selectors that fine-tune a supernet (DARTS-PT's progressive tuning). Both use the arch
 * state's current mixing weights, so decided edges stay fixed.
 */
public final class BilevelSteps {

    private BilevelSteps() {
    }

    /**
     * ∇α of the loss on {@code valid} at the current weights (weights are not differentiated,
     * which saves their share of the backward pass), then one step of {@code adam}. When every edge
     * is decided there is no gradient to take: the validation loss is measured and α stays.
     *
     * @param net the supernet
     * @param adam the α optimizer
     * @param valid a validation batch
     * @return the validation batch's loss and accuracy
     */
    public static PassResult alphaStep(Supernet net, Adam adam, Batch valid) {
        return alphaStep(net, adam, valid, null, null);
    }

    /**
     * The first-order α step with the optimizer's own mixing weights for this pass (a Gumbel or
     * Dirichlet draw, say; null for the arch state's evaluation mixing) and a loss term (null for
     * none): ∇ of the validation loss plus the term w.r.t. every trainable architecture array
     * ({@link dev.naslab.api.model.ArchState#trainables}), then one step of {@code adam}.
     *
     * @param net the supernet
     * @param adam the architecture optimizer
     * @param valid a validation batch
     * @param weights the pass's mixing weights from its manager, or null
     * @param term the loss term, or null
     * @return the validation batch's loss and accuracy, and the term's value
     * @since 0.3
     */
    public static PassResult alphaStep(Supernet net, Adam adam, Batch valid,
            java.util.function.Function<ai.djl.ndarray.NDManager, MixingWeights> weights, LossTerm term) {
        if (!net.arch().anyUndecided()) {
            // every edge decided (SGAS after its last decision): α gets no gradient; measure the loss only
            return Passes.evaluate(x -> net.forward(x, true), valid, true);
        }
        net.params().setTrainable(false);
        PassResult r;
        try {
            Grads.zero(net.arch().trainables().values());
            r = Passes.backward(x -> weights == null ? net.forward(x, true)
                    : net.forward(x, weights.apply(x.getManager()), true), valid, term);
        } finally {
            net.params().setTrainable(true);
        }
        adam.step();
        return r;
    }

    /**
     * DARTS's α step of either order: first order as {@link #alphaStep(Supernet, Adam, Batch)};
     * second order the unrolled hypergradient ({@link UnrolledHypergradient}, ξ = {@code lr}), then
     * one step of {@code adam}. Returns the validation pass.
     *
     * @since 0.2
     * @param net the supernet
     * @param adam the α optimizer
     * @param sgd the weights' optimizer
     * @param secondOrder unrolled (second order) instead of first order
     * @param lr the learning rate
     * @param train a training batch
     * @param valid a validation batch
     * @return the validation batch's loss and accuracy
     */
    public static PassResult alphaStep(Supernet net, Adam adam, Sgd sgd, boolean secondOrder, float lr, Batch train,
            Batch valid) {
        if (!secondOrder || !net.arch().anyUndecided()) {
            return alphaStep(net, adam, valid);
        }
        PassResult v = UnrolledHypergradient.hypergradient(net, sgd, lr, train, valid);
        adam.step();
        return v;
    }

    /**
     * {@return ∇w of the loss on {@code train} (α not differentiated), global-norm clip, one SGD step}
     *
     * @param alphaTrainable whether α requires gradients outside this step
     * @throws DivergedException if the gradient norm is not finite
     * @param net the supernet
     * @param sgd the weights' optimizer
     * @param lr the learning rate
     * @param clip the global gradient-norm threshold
     * @param train a training batch
     */
    public static PassResult weightStep(Supernet net, Sgd sgd, float lr, float clip, Batch train,
            boolean alphaTrainable) {
        return weightStep(net, sgd, lr, clip, train, alphaTrainable, null);
    }

    /**
     * The weight step with given mixing weights (SDARTS's perturbed ones) instead of the arch
     * state's; {@code weights} is null for the arch state's.
     *
     * @since 0.2
     * @param net the supernet
     * @param sgd the weights' optimizer
     * @param lr the learning rate
     * @param clip the global gradient-norm threshold
     * @param train a training batch
     * @param alphaTrainable whether α trains (its gradient is then left alone)
     * @param weights the mixing weights
     * @return the weight step with given mixing weights (SDARTS's perturbed ones) instead of the arch state's
     */
    public static PassResult weightStep(Supernet net, Sgd sgd, float lr, float clip, Batch train,
            boolean alphaTrainable, java.util.function.Function<ai.djl.ndarray.NDManager, MixingWeights> weights) {
        return weightStep(net, sgd, lr, clip, train, alphaTrainable, weights, null);
    }

    /**
     * The weight step with given mixing weights (null for the arch state's) and a loss term added
     * to the training loss (null for none; FairDARTS adds its zero-one loss here too).
     *
     * @param net the supernet
     * @param sgd the weights' optimizer
     * @param lr the learning rate
     * @param clip the global gradient-norm threshold (0 or less: no clipping)
     * @param train a training batch
     * @param alphaTrainable whether α trains (its gradient is then left alone)
     * @param weights the pass's mixing weights from its manager, or null
     * @param term the loss term, or null
     * @throws DivergedException if the gradient norm is not finite
     * @return the training batch's loss and accuracy, and the term's value
     * @since 0.3
     */
    public static PassResult weightStep(Supernet net, Sgd sgd, float lr, float clip, Batch train,
            boolean alphaTrainable, java.util.function.Function<ai.djl.ndarray.NDManager, MixingWeights> weights,
            LossTerm term) {
        net.arch().setTrainable(false);
        PassResult r;
        try {
            Grads.zero(net.params().weights().values());
            r = Passes.backward(x -> weights == null ? net.forward(x, true)
                    : net.forward(x, weights.apply(x.getManager()), true), train, term);
        } finally {
            net.arch().setTrainable(alphaTrainable);
        }
        float norm = GradClip.globalNorm(net.params().weights().values(), clip > 0 ? clip : Float.POSITIVE_INFINITY);
        if (!Float.isFinite(norm)) {
            throw new DivergedException("weight gradient norm became " + norm);
        }
        sgd.step(lr);
        return r;
    }
}
