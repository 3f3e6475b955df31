package dev.naslab.optimizer.dartsminus;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.search.SearchStates;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Sgd;
import java.util.function.Function;
import org.pf4j.Extension;

/**
 * DARTS− (Chu et al., ICLR 2021, arXiv 2009.01027): first-order DARTS on a supernet whose every edge
 * also carries an auxiliary skip connection ({@link dev.naslab.api.model.SpaceCapability#AUXILIARY_SKIP})
 * weighted by β, which falls from β₀ to 0 over the search ({@link AuxiliaryDecay}). The skip gives the
 * gradient a path of its own, so α need not favour {@code skip_connect} to get it; with β at 0 at the
 * end the supernet is DARTS's again. Training passes (both steps) carry the skip; the evaluation form the
 * host mixes with afterwards (end-of-search accuracy, derivation, selection) is DARTS's softmax without
 * it, the cell derivation ranks as DARTS.
 */
@Extension
public final class DartsMinusOptimizer implements SearchOptimizer<DartsMinusSettings> {

    @Override
    public String id() {
        return "darts-minus";
    }

    @Override
    public Class<DartsMinusSettings> settingsClass() {
        return DartsMinusSettings.class;
    }

    @Override
    public String description() {
        return "DARTS-: first-order DARTS with an auxiliary skip on every edge, its weight falling 1 -> 0 over the search";
    }

    @Override
    public SearchSchedule schedule(DartsMinusSettings s) {
        return new SearchSchedule(s.epochs(), s.batchSize());
    }

    @Override
    public SupernetOptions supernetOptions(DartsMinusSettings s) {
        return SupernetOptions.AUXILIARY_SKIP;
    }

    @Override
    public void begin(SearchState state, DartsMinusSettings s) {
        Supernet net = state.supernet();
        state.register(SearchStates.WEIGHT_OPTIMIZER, s.weightOptimizer(net, state.manager()));
        state.register(SearchStates.ALPHA_OPTIMIZER, s.architectureOptimizer(net, state.manager()));
    }

    @Override
    public void step(SearchState state, DartsMinusSettings s, Batch train, Batch valid) {
        Supernet net = state.supernet();
        Sgd sgd = state.registered(SearchStates.WEIGHT_OPTIMIZER, Sgd.class);
        Adam adam = state.registered(SearchStates.ALPHA_OPTIMIZER, Adam.class);
        float lr = s.learningRate(state.epoch(), state.epochs());
        float beta = (float) s.auxiliaryBeta(state.epoch());
        Function<NDManager, MixingWeights> withSkip = m -> net.arch().mixingWeights(m).withAuxiliarySkip(beta);
        PassResult v = BilevelSteps.alphaStep(net, adam, valid, withSkip, null);
        PassResult t = BilevelSteps.weightStep(net, sgd, lr, s.gradClip().floatValue(), train, true, withSkip);
        state.record("valid_loss", v.loss());
        state.record("valid_acc", v.accuracy());
        state.record("aux_skip_beta", beta);
        state.record("train_loss", t.loss());
        state.record("train_acc", t.accuracy());
        state.record("lr", lr);
    }
}
