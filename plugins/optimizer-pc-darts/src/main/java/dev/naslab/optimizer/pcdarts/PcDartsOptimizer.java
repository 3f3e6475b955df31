package dev.naslab.optimizer.pcdarts;

import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.ArchMixing;
import dev.naslab.api.model.SupernetOptions;
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
 * PC-DARTS (Xu et al., ICLR 2020, arXiv 1907.05737): first-order DARTS on a supernet whose mixed edges
 * pass 1/k of their channels through the candidate ops ({@link SupernetOptions#partialChannels}, a space
 * capability), with each edge's output weighted by {@code softmax(β)} over the edges entering its node
 * ({@link EdgeNormalisedMixing}). As the reference: the α/β step comes before the weight step, and only
 * after {@code warmup_epochs} epochs of weight training; one Adam over α and β.
 */
@Extension
public final class PcDartsOptimizer implements SearchOptimizer<PcDartsSettings> {

    private static final ArchMixing MIXING = new EdgeNormalisedMixing();

    @Override
    public String id() {
        return "pc-darts";
    }

    @Override
    public Class<PcDartsSettings> settingsClass() {
        return PcDartsSettings.class;
    }

    @Override
    public String description() {
        return "PC-DARTS: partial channels (k = 4) and edge normalisation softmax(beta), alpha from epoch 15";
    }

    @Override
    public SearchSchedule schedule(PcDartsSettings s) {
        return new SearchSchedule(s.epochs(), s.batchSize());
    }

    @Override
    public ArchMixing mixing(PcDartsSettings s) {
        return MIXING;
    }

    @Override
    public SupernetOptions supernetOptions(PcDartsSettings s) {
        return new SupernetOptions(s.partialChannels());
    }

    @Override
    public void begin(SearchState state, PcDartsSettings s) {
        Supernet net = state.supernet();
        state.register(SearchStates.WEIGHT_OPTIMIZER, s.weightOptimizer(net, state.manager()));
        state.register(SearchStates.ALPHA_OPTIMIZER, s.architectureOptimizer(net, state.manager()));
    }

    @Override
    public void step(SearchState state, PcDartsSettings s, Batch train, Batch valid) {
        Supernet net = state.supernet();
        Sgd sgd = state.registered(SearchStates.WEIGHT_OPTIMIZER, Sgd.class);
        Adam adam = state.registered(SearchStates.ALPHA_OPTIMIZER, Adam.class);
        float lr = s.learningRate(state.epoch(), state.epochs());
        if (state.epoch() >= s.warmupEpochs()) {
            PassResult v = BilevelSteps.alphaStep(net, adam, valid);
            state.record("valid_loss", v.loss());
            state.record("valid_acc", v.accuracy());
        }
        PassResult t = BilevelSteps.weightStep(net, sgd, lr, s.gradClip().floatValue(), train, true);
        state.record("train_loss", t.loss());
        state.record("train_acc", t.accuracy());
        state.record("lr", lr);
    }
}
