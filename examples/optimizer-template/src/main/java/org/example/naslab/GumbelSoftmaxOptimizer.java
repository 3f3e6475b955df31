package org.example.naslab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.search.SearchStates;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Schedules;
import dev.naslab.api.train.Sgd;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.pf4j.Extension;

/**
 * First-order DARTS with SNAS's relaxation (Xie et al., ICLR 2019): every training pass mixes with a
 * fresh Gumbel-softmax draw {@code softmax((log_softmax(α) + g) / τ)}, τ annealed exponentially from
 * {@code tau_start} to {@code tau_end}. SNAS's credit assignment and resource constraint are left out:
 * this is a template for writing an optimizer, not a SNAS reproduction.
 *
 * <p>What it shows: the stochastic training form is built in {@code step} with
 * {@link ArchState#weightsFrom} (which keeps the host's decisions and masks) from noise drawn with the
 * search's seeded generator, so a resumed search draws the same noise; the host's own passes (the
 * end-of-search accuracy, derivation, selection) use the evaluation form, here the default
 * {@code softmax(α)} since {@link #mixing} is not overridden.
 */
@Extension
public final class GumbelSoftmaxOptimizer implements SearchOptimizer<GumbelSoftmaxOptimizer.Settings> {

    /**
     * Settings; every key is optional.
     *
     * @param epochs          search epochs; default 50
     * @param batchSize       batch size of train and validation batches; default 64
     * @param lr              weight learning rate at epoch 0 (cosine to 0.001); default 0.025
     * @param archLr          Adam learning rate of α; default 3e-4
     * @param tauStart        temperature of the first epoch; default 1
     * @param tauEnd          temperature of the last epoch, at most tau_start; default 0.03
     */
    public record Settings(
            @Setting("search epochs") Integer epochs,
            @Setting("batch size of train and validation batches") Integer batchSize,
            @Setting("weight learning rate at epoch 0 (cosine to 0.001)") Double lr,
            @Setting("Adam learning rate of alpha") Double archLr,
            @Setting("temperature of the first epoch") Double tauStart,
            @Setting("temperature of the last epoch, at most tau_start") Double tauEnd) {

        public Settings {
            epochs = SettingException.positive("epochs", epochs == null ? 50 : epochs);
            batchSize = SettingException.positive("batch_size", batchSize == null ? 64 : batchSize);
            lr = SettingException.range("lr", lr == null ? 0.025 : lr, 0, 10, true);
            archLr = SettingException.range("arch_lr", archLr == null ? 3e-4 : archLr, 0, 1, true);
            tauStart = SettingException.range("tau_start", tauStart == null ? 1.0 : tauStart, 0, 100, true);
            tauEnd = SettingException.range("tau_end", tauEnd == null ? 0.03 : tauEnd, 0, 100, true);
            if (tauEnd > tauStart) {
                throw new SettingException("tau_end", tauEnd + " is above tau_start " + tauStart
                        + "; the temperature anneals from tau_start down to tau_end");
            }
        }
    }

    @Override
    public String id() {
        return "gumbel-softmax";
    }

    @Override
    public Class<Settings> settingsClass() {
        return Settings.class;
    }

    @Override
    public String description() {
        return "DARTS with Gumbel-softmax sampled mixing weights (SNAS's relaxation), tau 1 -> 0.03";
    }

    @Override
    public SearchSchedule schedule(Settings s) {
        return new SearchSchedule(s.epochs(), s.batchSize());
    }

    /** τ of epoch {@code epoch}: {@code tau_start · (tau_end / tau_start)^(epoch / (epochs − 1))}. */
    static double tau(Settings s, int epoch, int epochs) {
        double progress = epochs <= 1 ? 0 : (double) epoch / (epochs - 1);
        return s.tauStart() * Math.pow(s.tauEnd() / s.tauStart(), progress);
    }

    @Override
    public void begin(SearchState state, Settings s) {
        Supernet net = state.supernet();
        // registered optimizers are checkpointed with the search and restored on resume
        state.register(SearchStates.WEIGHT_OPTIMIZER, new Sgd(net.params().weights(), 0.9f, 3e-4f, state.manager())
                .withBaseLr(s.lr().floatValue()));
        state.register(SearchStates.ALPHA_OPTIMIZER, new Adam(net.arch().trainables(), s.archLr().floatValue(), 0.5f,
                0.999f, 1e-8f, 1e-3f, state.manager()));
    }

    @Override
    public void step(SearchState state, Settings s, Batch train, Batch valid) {
        Supernet net = state.supernet();
        Sgd sgd = state.registered(SearchStates.WEIGHT_OPTIMIZER, Sgd.class);
        Adam adam = state.registered(SearchStates.ALPHA_OPTIMIZER, Adam.class);
        double tau = tau(s, state.epoch(), state.epochs());
        float lr = Schedules.cosine(s.lr().floatValue(), 0.001f, state.epoch(), state.epochs());
        // one draw per pass, from the search's generator (state.rng()), so a resumed search repeats it
        PassResult v = BilevelSteps.alphaStep(net, adam, valid, sampled(net.arch(), noise(net.arch(), state.rng()), tau),
                null);
        PassResult t = BilevelSteps.weightStep(net, sgd, lr, 5f, train, true,
                sampled(net.arch(), noise(net.arch(), state.rng()), tau), null);
        state.record("valid_loss", v.loss());
        state.record("valid_acc", v.accuracy());
        state.record("train_loss", t.loss());
        state.record("train_acc", t.accuracy());
        state.record("tau", tau);
    }

    /** Gumbel noise {@code −log(−log u)} per cell type, edges × ops, drawn on the host. */
    static Map<String, float[]> noise(ArchState arch, Rng rng) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (CellType c : arch.cellTypes()) {
            float[] g = new float[c.edges().size() * c.opCount()];
            for (int i = 0; i < g.length; i++) {
                double u = Math.max(rng.nextDouble(), 1e-12);
                g[i] = (float) -Math.log(-Math.log(u));
            }
            out.put(c.name(), g);
        }
        return out;
    }

    /**
     * The training pass's mixing weights {@code softmax((log_softmax(α) + g) / τ)}. Constants are arrays
     * of the pass (see the API's note on {@code mul(Number)}); α arrives as a view in the pass.
     */
    static Function<NDManager, MixingWeights> sampled(ArchState arch, Map<String, float[]> noise, double tau) {
        return pass -> {
            NDArray inverseTau = pass.create((float) (1 / tau));
            return arch.weightsFrom(pass, (cell, alpha) -> {
                NDArray g = pass.create(noise.get(cell), new Shape(alpha.getShape().getShape()));
                return alpha.logSoftmax(-1).add(g).mul(inverseTau).softmax(-1);
            });
        };
    }
}
