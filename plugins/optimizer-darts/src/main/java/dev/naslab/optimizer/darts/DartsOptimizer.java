package dev.naslab.optimizer.darts;

import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Sgd;
import org.pf4j.Extension;

/**
 * DARTS: Differentiable Architecture Search (Liu, Simonyan, Yang; ICLR 2019, arXiv 1806.09055).
 * Each iteration: an α step with Adam on a validation batch (first order: ∇α L_val at the
 * current weights; second order: the unrolled hypergradient, {@code UnrolledHypergradient}), then a weight
 * step with PyTorch-semantics SGD on a training batch (global-norm clip, per-epoch cosine lr).
 * With {@code train_alpha: false} α stays 0 and only weights train (DARTS-PT's fix-α supernet).
 */
@Extension
public final class DartsOptimizer implements SearchOptimizer<DartsSettings> {

    static final String WEIGHTS = dev.naslab.api.search.SearchStates.WEIGHT_OPTIMIZER;
    static final String ALPHA = dev.naslab.api.search.SearchStates.ALPHA_OPTIMIZER;

    @Override
    public String id() {
        return "darts";
    }

    @Override
    public Class<DartsSettings> settingsClass() {
        return DartsSettings.class;
    }

    @Override
    public String description() {
        return "DARTS bilevel search, first or second order; train_alpha: false for fix-alpha supernets";
    }

    @Override
    public SearchSchedule schedule(DartsSettings s) {
        return new SearchSchedule(s.epochs(), s.batchSize());
    }

    @Override
    public void begin(SearchState state, DartsSettings s) {
        Supernet net = state.supernet();
        state.register(WEIGHTS, s.weightOptimizer(net, state.manager()));
        if (s.trainAlpha()) {
            state.register(ALPHA, s.architectureOptimizer(net, state.manager()));
        } else {
            net.arch().fill(0f);
            net.arch().setTrainable(false);
        }
    }

    @Override
    public void step(SearchState state, DartsSettings s, Batch train, Batch valid) {
        Supernet net = state.supernet();
        Sgd sgd = state.registered(WEIGHTS, Sgd.class);
        float lr = s.learningRate(state.epoch(), state.epochs());
        if (s.trainAlpha()) {
            Adam adam = state.registered(ALPHA, Adam.class);
            PassResult v = BilevelSteps.alphaStep(net, adam, sgd, s.order().equals("second"), lr, train, valid);
            state.record("valid_loss", v.loss());
            state.record("valid_acc", v.accuracy());
        }
        PassResult t = BilevelSteps.weightStep(net, sgd, lr, s.gradClip().floatValue(), train, s.trainAlpha());
        state.record("train_loss", t.loss());
        state.record("train_acc", t.accuracy());
        state.record("lr", lr);
    }
}
