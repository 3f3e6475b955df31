package dev.naslab.optimizer.drnas;

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
 * DrNAS (Chen et al., ICLR 2021, arXiv 2006.10355): the mixing weights of every training pass are a
 * Dirichlet draw with concentration {@code elu(α) + 1}, learnt through the draw's pathwise gradient
 * ({@link DirichletSampler}). Each iteration, as the reference's {@code 201-space/train_search.py}: an
 * α step on a validation batch, then a weight step on a training batch, each with its own draw. The
 * host mixes with the Dirichlet's mean ({@link DirichletMeanMixing}).
 */
@Extension
public final class DrnasOptimizer implements SearchOptimizer<DrnasSettings> {

    private static final DirichletMeanMixing MIXING = new DirichletMeanMixing();

    @Override
    public String id() {
        return "drnas";
    }

    @Override
    public Class<DrnasSettings> settingsClass() {
        return DrnasSettings.class;
    }

    @Override
    public String description() {
        return "DrNAS: Dirichlet(elu(alpha) + 1) mixing weights, pathwise gradients, l2 on alpha";
    }

    @Override
    public SearchSchedule schedule(DrnasSettings s) {
        return new SearchSchedule(s.epochs(), s.batchSize());
    }

    @Override
    public ArchMixing mixing(DrnasSettings settings) {
        return MIXING;
    }

    @Override
    public void begin(SearchState state, DrnasSettings s) {
        Supernet net = state.supernet();
        state.register(SearchStates.WEIGHT_OPTIMIZER, s.weightOptimizer(net, state.manager()));
        state.register(SearchStates.ALPHA_OPTIMIZER, s.architectureOptimizer(net, state.manager()));
    }

    @Override
    public void step(SearchState state, DrnasSettings s, Batch train, Batch valid) {
        Supernet net = state.supernet();
        Sgd sgd = state.registered(SearchStates.WEIGHT_OPTIMIZER, Sgd.class);
        float lr = s.learningRate(state.epoch(), state.epochs());
        boolean alphaTrains = state.epoch() >= s.warmupEpochs();
        if (alphaTrains) {
            Adam adam = state.registered(SearchStates.ALPHA_OPTIMIZER, Adam.class);
            DirichletSampler.Draw forAlpha = DirichletSampler.draw(net.arch(), state.rng());
            PassResult v = BilevelSteps.alphaStep(net, adam, valid,
                    m -> DirichletSampler.weights(net.arch(), forAlpha, m), null);
            state.record("valid_loss", v.loss());
            state.record("valid_acc", v.accuracy());
        }
        DirichletSampler.Draw forWeights = DirichletSampler.draw(net.arch(), state.rng());
        PassResult t = BilevelSteps.weightStep(net, sgd, lr, s.gradClip().floatValue(), train, true,
                m -> DirichletSampler.weights(net.arch(), forWeights, m), null);
        state.record("train_loss", t.loss());
        state.record("train_acc", t.accuracy());
        state.record("lr", lr);
        state.record("concentration_mean", meanConcentration(net));
    }

    /** Mean of elu(α) + 1 over every entry: how peaked the Dirichlets have become. */
    private static double meanConcentration(Supernet net) {
        double sum = 0;
        int n = 0;
        for (var c : net.arch().cellTypes()) {
            for (float[] row : net.arch().alphaValues(c.name())) {
                for (float v : row) {
                    sum += DirichletSampler.concentration(v);
                    n++;
                }
            }
        }
        return sum / n;
    }
}
