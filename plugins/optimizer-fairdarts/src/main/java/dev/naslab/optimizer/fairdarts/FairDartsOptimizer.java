package dev.naslab.optimizer.fairdarts;

import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.ArchMixing;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.search.SearchStates;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.train.LossTerm;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Sgd;
import org.pf4j.Extension;

/**
 * FairDARTS (Chu et al., ECCV 2020, arXiv 1911.12126): ops mixed by independent sigmoids
 * ({@link SigmoidMixing}) instead of a softmax, so skip connections cannot win by crowding the others
 * out, and the zero-one loss ({@link ZeroOneLoss}) in the α step and the weight step, which pushes every
 * σ(α) towards 0 or 1. As the reference: α starts at 0 (σ = ½), the α step comes first, then the
 * weight step; the weight step's loss includes the term although the weights get no gradient from it
 * (it is logged as the reference logs it). Select with {@code threshold} to keep the ops whose σ(α)
 * reaches 0.85, as the paper does; magnitude and perturbation work too.
 */
@Extension
public final class FairDartsOptimizer implements SearchOptimizer<FairDartsSettings> {

    private static final ArchMixing MIXING = new SigmoidMixing();

    @Override
    public String id() {
        return "fairdarts";
    }

    @Override
    public Class<FairDartsSettings> settingsClass() {
        return FairDartsSettings.class;
    }

    @Override
    public String description() {
        return "FairDARTS: sigmoid(alpha) mixing and the zero-one loss (weight 10); select with threshold";
    }

    @Override
    public SearchSchedule schedule(FairDartsSettings s) {
        return new SearchSchedule(s.epochs(), s.batchSize());
    }

    @Override
    public ArchMixing mixing(FairDartsSettings s) {
        return MIXING;
    }

    /** Registers the optimizers and sets α to 0 (a resumed search then loads its α over it). */
    @Override
    public void begin(SearchState state, FairDartsSettings s) {
        Supernet net = state.supernet();
        net.arch().fill(0f);
        state.register(SearchStates.WEIGHT_OPTIMIZER, s.weightOptimizer(net, state.manager()));
        state.register(SearchStates.ALPHA_OPTIMIZER, s.architectureOptimizer(net, state.manager()));
    }

    @Override
    public void step(SearchState state, FairDartsSettings s, Batch train, Batch valid) {
        Supernet net = state.supernet();
        Sgd sgd = state.registered(SearchStates.WEIGHT_OPTIMIZER, Sgd.class);
        Adam adam = state.registered(SearchStates.ALPHA_OPTIMIZER, Adam.class);
        float lr = s.learningRate(state.epoch(), state.epochs());
        LossTerm zeroOne = ZeroOneLoss.term(net.arch(), s.zeroOneLoss(), s.zeroOneWeight());
        PassResult v = BilevelSteps.alphaStep(net, adam, valid, null, zeroOne);
        PassResult t = BilevelSteps.weightStep(net, sgd, lr, s.gradClip().floatValue(), train, true, null, zeroOne);
        state.record("valid_loss", v.loss());
        state.record("valid_acc", v.accuracy());
        state.record("zero_one_term", v.term());
        state.record("zero_one_loss", ZeroOneLoss.value(net.arch(), s.zeroOneLoss()));
        state.record("train_loss", t.loss());
        state.record("train_acc", t.accuracy());
        state.record("lr", lr);
    }
}
