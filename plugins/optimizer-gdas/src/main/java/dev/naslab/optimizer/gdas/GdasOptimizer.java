package dev.naslab.optimizer.gdas;

import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.ArchMixing;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.search.SearchStates;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Sgd;
import org.pf4j.Extension;

/**
 * GDAS (Dong and Yang, CVPR 2019, arXiv 1910.04465). Each iteration, as the NAS-Bench-201
 * reference ({@code exps/NATS-algos/search-cell.py}, {@code algo gdas}) orders it: a weight step
 * on a training batch, then an α step on a validation batch, each with its own Gumbel draw
 * ({@link GumbelSampler}): one op per edge is computed, the row's other weights pass a
 * straight-through gradient. τ decays linearly per epoch from {@code tau_max} to {@code tau_min}.
 * The host mixes with {@link ArgmaxMixing}; the architecture is derived from softmax(α) as DARTS's.
 */
@Extension
public final class GdasOptimizer implements SearchOptimizer<GdasSettings> {

    private static final ArgmaxMixing MIXING = new ArgmaxMixing();

    @Override
    public String id() {
        return "gdas";
    }

    @Override
    public Class<GdasSettings> settingsClass() {
        return GdasSettings.class;
    }

    @Override
    public String description() {
        return "GDAS: one Gumbel-sampled op per edge per step, straight-through gradients, tau 10 -> 0.1";
    }

    @Override
    public SearchSchedule schedule(GdasSettings s) {
        return new SearchSchedule(s.epochs(), s.batchSize());
    }

    @Override
    public ArchMixing mixing(GdasSettings settings) {
        return MIXING;
    }

    @Override
    public void begin(SearchState state, GdasSettings s) {
        Supernet net = state.supernet();
        state.register(SearchStates.WEIGHT_OPTIMIZER, s.weightOptimizer(net, state.manager()).withNesterov(s.nesterov()));
        state.register(SearchStates.ALPHA_OPTIMIZER, s.architectureOptimizer(net, state.manager()));
    }

    @Override
    public void step(SearchState state, GdasSettings s, Batch train, Batch valid) {
        Supernet net = state.supernet();
        Sgd sgd = state.registered(SearchStates.WEIGHT_OPTIMIZER, Sgd.class);
        Adam adam = state.registered(SearchStates.ALPHA_OPTIMIZER, Adam.class);
        float lr = s.learningRate(state.epoch(), state.epochs());
        double tau = s.tau(state.epoch(), state.epochs());
        GumbelSampler.Draw forWeights = GumbelSampler.draw(net.arch(), state.rng());
        PassResult t = BilevelSteps.weightStep(net, sgd, lr, s.gradClip().floatValue(), train, true,
                m -> GumbelSampler.weights(net.arch(), forWeights, tau, m), null);
        GumbelSampler.Draw forAlpha = GumbelSampler.draw(net.arch(), state.rng());
        PassResult v = BilevelSteps.alphaStep(net, adam, valid,
                m -> GumbelSampler.weights(net.arch(), forAlpha, tau, m), null);
        state.record("train_loss", t.loss());
        state.record("train_acc", t.accuracy());
        state.record("valid_loss", v.loss());
        state.record("valid_acc", v.accuracy());
        state.record("lr", lr);
        state.record("tau", tau);
    }
}
