package dev.naslab.optimizer.betadarts;

import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.data.Batch;
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
 * β-DARTS (Ye et al., CVPR 2022, arXiv 2203.01665): first-order DARTS whose α step adds
 * {@code λ(e)·mean(logsumexp(α))} ({@link BetaDecay}) to the validation loss, λ growing linearly with
 * the epoch. Mixing, derivation and the weight step are DARTS's.
 */
@Extension
public final class BetaDartsOptimizer implements SearchOptimizer<BetaDartsSettings> {

    @Override
    public String id() {
        return "beta-darts";
    }

    @Override
    public Class<BetaDartsSettings> settingsClass() {
        return BetaDartsSettings.class;
    }

    @Override
    public String description() {
        return "beta-DARTS: first-order DARTS plus lambda * mean(logsumexp(alpha)) in the alpha step, lambda 0 -> 50";
    }

    @Override
    public SearchSchedule schedule(BetaDartsSettings s) {
        return new SearchSchedule(s.epochs(), s.batchSize());
    }

    @Override
    public void begin(SearchState state, BetaDartsSettings s) {
        Supernet net = state.supernet();
        state.register(SearchStates.WEIGHT_OPTIMIZER, s.weightOptimizer(net, state.manager()));
        state.register(SearchStates.ALPHA_OPTIMIZER, s.architectureOptimizer(net, state.manager()));
    }

    @Override
    public void step(SearchState state, BetaDartsSettings s, Batch train, Batch valid) {
        Supernet net = state.supernet();
        Sgd sgd = state.registered(SearchStates.WEIGHT_OPTIMIZER, Sgd.class);
        Adam adam = state.registered(SearchStates.ALPHA_OPTIMIZER, Adam.class);
        float lr = s.learningRate(state.epoch(), state.epochs());
        double lambda = BetaDecay.lambda(s.lambdaMax(), s.lambdaRampEpochs(), state.epoch());
        PassResult v = BilevelSteps.alphaStep(net, adam, valid, null, BetaDecay.term(net.arch(), lambda));
        PassResult t = BilevelSteps.weightStep(net, sgd, lr, s.gradClip().floatValue(), train, true);
        state.record("valid_loss", v.loss());
        state.record("valid_acc", v.accuracy());
        state.record("beta_decay_term", v.term());
        state.record("beta_decay", BetaDecay.value(net.arch()));
        state.record("lambda", lambda);
        state.record("train_loss", t.loss());
        state.record("train_acc", t.accuracy());
        state.record("lr", lr);
    }
}
