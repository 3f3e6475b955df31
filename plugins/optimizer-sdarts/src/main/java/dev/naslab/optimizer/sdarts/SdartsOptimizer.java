package dev.naslab.optimizer.sdarts;

import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.perturb.Perturbation;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Sgd;
import java.util.Map;
import org.pf4j.Extension;

/**
 * SDARTS (Chen and Hsieh: "Stabilizing Differentiable Architecture Search via
 * Perturbation-based Regularization", ICML 2020, arXiv 2002.05283). Each iteration: DARTS's α step
 * on a validation batch (first or second order) with the clean α, then a weight step whose mixing
 * weights are p = softmax(α) perturbed — randomly (RS: Π(p + U[−ε, ε])) or adversarially (ADV:
 * PGD-L∞ on the training batch) — and used directly. α never sees the perturbation. ε ramps
 * linearly from 0.03 towards {@code epsilon} over the epochs, as in the reference code.
 */
@Extension
public final class SdartsOptimizer implements SearchOptimizer<SdartsSettings> {

    /** Registered under the same names as DARTS's, so selectors restore the α optimizer alike. */
    static final String WEIGHTS = dev.naslab.api.search.SearchStates.WEIGHT_OPTIMIZER;
    static final String ALPHA = dev.naslab.api.search.SearchStates.ALPHA_OPTIMIZER;

    @Override
    public String id() {
        return "sdarts";
    }

    @Override
    public Class<SdartsSettings> settingsClass() {
        return SdartsSettings.class;
    }

    @Override
    public String description() {
        return "SDARTS: DARTS with perturbed mixing weights in the weight step (perturbation: random | adversarial)";
    }

    @Override
    public SearchSchedule schedule(SdartsSettings s) {
        return new SearchSchedule(s.epochs(), s.batchSize());
    }

    @Override
    public void begin(SearchState state, SdartsSettings s) {
        Supernet net = state.supernet();
        state.register(WEIGHTS, s.weightOptimizer(net, state.manager()));
        state.register(ALPHA, s.architectureOptimizer(net, state.manager()));
    }

    @Override
    public void step(SearchState state, SdartsSettings s, Batch train, Batch valid) {
        Supernet net = state.supernet();
        Sgd sgd = state.registered(WEIGHTS, Sgd.class);
        Adam adam = state.registered(ALPHA, Adam.class);
        float lr = s.learningRate(state.epoch(), state.epochs());
        PassResult v = BilevelSteps.alphaStep(net, adam, sgd, s.order().equals("second"), lr, train, valid);
        state.record("valid_loss", v.loss());
        state.record("valid_acc", v.accuracy());
        double eps = Perturbation.epsilon(s.epsilon(), state.epoch(), state.epochs());
        Map<String, float[][]> p;
        if (s.adversarial()) {
            Perturbation.Attack attack = Perturbation.adversarial(net, train, eps, s.attackSteps(), state.rng());
            p = attack.weights();
            state.record("attack_kept", attack.kept() ? 1 : 0);
            state.record("attack_loss_gain", attack.lossAfter() - attack.lossBefore());
        } else {
            p = Perturbation.random(net.arch(), eps, state.rng());
        }
        PassResult t = BilevelSteps.weightStep(net, sgd, lr, s.gradClip().floatValue(), train, true,
                m -> Perturbation.weights(net.arch(), p, m, false));
        state.record("train_loss", t.loss());
        state.record("train_acc", t.accuracy());
        state.record("lr", lr);
        state.record("epsilon", eps);
    }
}
