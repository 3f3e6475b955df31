package dev.naslab.selector.perturbation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.base.Progress;
import dev.naslab.api.data.Batch;
import dev.naslab.api.data.BatchStream;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.perturb.Perturbation;
import dev.naslab.api.select.SelectionContext;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.search.SearchStates;
import dev.naslab.api.train.Sgd;
import dev.naslab.api.train.TensorData;
import dev.naslab.api.train.Stateful;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progressive tuning between decisions: a fresh SGD at a constant learning rate for the weights,
 * and (unless fix-α) the search's Adam continuing on α, one first-order DARTS iteration per
 * training batch, with the projected weights in every forward pass; optionally the weight steps
 * see SDARTS-perturbed projected weights.
 */
final class Tuner {

    private final SelectionContext ctx;
    private final PerturbationSettings s;
    private final Sgd sgd;
    private final float lr;
    private final Adam adam;
    private final BatchStream train;
    private final BatchStream valid;

    Tuner(SelectionContext ctx, PerturbationSettings s) {
        this.ctx = ctx;
        this.s = s;
        Supernet net = ctx.supernet();
        sgd = new Sgd(net.params().weights(), s.momentum().floatValue(), s.weightDecay().floatValue(), ctx.manager());
        lr = s.tuneLr() != null ? s.tuneLr().floatValue() : searchLr(ctx) / 10;
        if (s.tuneAlpha()) {
            // DARTS's α optimizer settings, replaced by the search's own when it saved them with its state
            adam = new Adam(net.arch().alphas(), 3e-4f, 0.5f, 0.999f, 1e-8f, 1e-3f, ctx.manager());
            ctx.restoreSearchState(SearchStates.ALPHA_OPTIMIZER, adam);
            net.arch().setTrainable(true);
        } else {
            adam = null;
            net.arch().setTrainable(false);
        }
        DataSplits d = ctx.data();
        train = new BatchStream(d.train().size(), ctx.batchSize(), ctx.rng());
        valid = new BatchStream(d.valid().size(), ctx.batchSize(), ctx.rng());
    }

    /**
     * The search's initial weight learning rate, as its weight optimizer recorded it; DARTS's 0.025
     * (the reference's) when the search did not record one.
     */
    static float searchLr(SelectionContext ctx) {
        float[] found = {Float.NaN};
        ctx.restoreSearchState(SearchStates.WEIGHT_OPTIMIZER, new Stateful() {
            @Override
            public Map<String, NDArray> stateTensors() {
                return Map.of();
            }

            @Override
            public void loadState(Map<String, TensorData> tensors, Map<String, Double> scalars) {
                Double v = scalars.get("hyper/base_lr");
                found[0] = v == null ? Float.NaN : v.floatValue();
            }
        });
        return Float.isNaN(found[0]) ? 0.025f : found[0];
    }

    /** The weights' learning rate while tuning. */
    float lr() {
        return lr;
    }

    /** The α optimizer's learning rate while tuning, NaN for fix-α. */
    float alphaLr() {
        return adam == null ? Float.NaN : adam.lr();
    }

    /** Batches per tuning epoch. */
    int stepsPerEpoch() {
        return train.batchesPerEpoch();
    }

    /** Optimizer state saved with the selection's progress. */
    Map<String, Stateful> states() {
        Map<String, Stateful> m = new LinkedHashMap<>();
        m.put("tune-weights", sgd);
        if (adam != null) {
            m.put(SearchStates.ALPHA_OPTIMIZER, adam);
        }
        return m;
    }

    /** SDARTS's perturbed weights for the weight step, or null (the projected weights) without perturbation. */
    private java.util.function.Function<NDManager, MixingWeights> perturbed(Supernet net, Batch train) {
        Map<String, float[][]> p = switch (s.perturbation()) {
            case "random" -> Perturbation.random(net.arch(), s.epsilon(), ctx.rng());
            case "adversarial" -> Perturbation.adversarial(net, train, s.epsilon(), s.attackSteps(), ctx.rng()).weights();
            default -> null;
        };
        return p == null ? null : m -> Perturbation.weights(net.arch(), p, m, false);
    }

    /** One epoch over the training split. */
    void epoch(Progress progress, String note) {
        Supernet net = ctx.supernet();
        DataSplits d = ctx.data();
        train.restartEpoch();
        for (int i = 0; i < train.batchesPerEpoch(); i++) {
            try (NDManager step = ctx.manager().newSubManager();
                    Batch tb = d.train().batch(train.next(), d.augmentation(), ctx.rng(), step)) {
                if (adam != null) {
                    try (Batch vb = d.valid().batch(valid.random(), d.augmentation(), ctx.rng(), step)) {
                        BilevelSteps.alphaStep(net, adam, vb);
                    }
                }
                BilevelSteps.weightStep(net, sgd, lr, s.gradClip().floatValue(), tb, adam != null,
                        perturbed(net, tb));
            }
            progress.advance(1, note);
        }
    }
}
