package dev.naslab.optimizer.dartsminus;

import dev.naslab.api.BilevelSettings;
import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import java.util.Locale;

/**
 * DARTS− settings; defaults are the reference's (Meituan-AutoML/DARTS-, {@code src/search/args.py} and
 * {@code scripts/run_darts_minus.sh}): DARTS's first-order search plus {@code --auxiliary_skip --skip_beta 1
 * --decay linear} over the search's 50 epochs.
 *
 * @param epochs          search epochs; default 50
 * @param batchSize       batch size of train and validation batches; default 64
 * @param lr              weight learning rate at epoch 0 (cosine to {@code lrMin}); default 0.025
 * @param lrMin           final weight learning rate; default 0.001
 * @param momentum        SGD momentum; default 0.9
 * @param weightDecay     SGD weight decay; default 3e-4
 * @param gradClip        global gradient-norm clip of the weights; default 5
 * @param archLr          Adam learning rate of α; default 3e-4
 * @param archBeta1       Adam β1; default 0.5
 * @param archBeta2       Adam β2; default 0.999
 * @param archWeightDecay Adam weight decay of α; default 1e-3
 * @param auxSkipBeta     β₀, the auxiliary skip connections' weight at epoch 0 ({@code --skip_beta}); default 1
 * @param auxDecay        {@code linear} (default), {@code cosine}, {@code slow_cosine} or {@code constant}
 *                        ({@link AuxiliaryDecay})
 * @param auxDecayEpochs  T, the epoch at which the decay ends ({@code --decay_max_epoch}, {@code --decay_stop_epoch});
 *                        default the search's epochs, as the reference's 50 for its 50-epoch search
 */
public record DartsMinusSettings(
        @Setting("search epochs; the reference's 50") Integer epochs,
        @Setting("batch size of train and validation batches") Integer batchSize,
        @Setting("weight learning rate at epoch 0 (cosine to lr_min)") Double lr,
        @Setting("final weight learning rate") Double lrMin,
        @Setting("SGD momentum") Double momentum,
        @Setting("SGD weight decay") Double weightDecay,
        @Setting("global gradient-norm clip of the weights") Double gradClip,
        @Setting("Adam learning rate of α") Double archLr,
        @Setting("Adam β1") Double archBeta1,
        @Setting("Adam β2") Double archBeta2,
        @Setting("Adam weight decay of α") Double archWeightDecay,
        @Setting("weight of the auxiliary skip connections at epoch 0 (the reference's --skip_beta 1)") Double auxSkipBeta,
        @Setting("how that weight falls: linear (the reference's runs), cosine, slow_cosine or constant") String auxDecay,
        @Setting("epoch at which the decay ends; default the search's epochs") Integer auxDecayEpochs)
        implements BilevelSettings {

    /** Fills the reference defaults and checks every value. */
    public DartsMinusSettings {
        epochs = SettingException.positive("epochs", epochs == null ? 50 : epochs);
        batchSize = SettingException.positive("batch_size", batchSize == null ? 64 : batchSize);
        lr = BilevelSettings.checkLr(lr, 0.025);
        lrMin = BilevelSettings.checkLrMin(lrMin, 0.001, lr);
        momentum = BilevelSettings.checkMomentum(momentum, 0.9);
        weightDecay = BilevelSettings.checkWeightDecay(weightDecay, 3e-4);
        gradClip = BilevelSettings.checkGradClip(gradClip, 5.0);
        archLr = BilevelSettings.checkArchLr(archLr, 3e-4);
        archBeta1 = BilevelSettings.checkArchBeta1(archBeta1, 0.5);
        archBeta2 = BilevelSettings.checkArchBeta2(archBeta2, 0.999);
        archWeightDecay = BilevelSettings.checkArchWeightDecay("arch_weight_decay", archWeightDecay, 1e-3);
        auxSkipBeta = SettingException.range("aux_skip_beta", auxSkipBeta == null ? 1.0 : auxSkipBeta, 0, 1e3, false);
        auxDecay = SettingException.oneOf("aux_decay", auxDecay == null ? "linear" : auxDecay,
                "linear", "cosine", "slow_cosine", "constant");
        auxDecayEpochs = SettingException.positive("aux_decay_epochs", auxDecayEpochs == null ? epochs : auxDecayEpochs);
    }

    /** {@return the decay named by {@code aux_decay}} */
    public AuxiliaryDecay decay() {
        return AuxiliaryDecay.valueOf(auxDecay.toUpperCase(Locale.ROOT));
    }

    /**
     * {@return β of epoch {@code epoch}}
     *
     * @param epoch the epoch, 0-based
     */
    public double auxiliaryBeta(int epoch) {
        return decay().beta(auxSkipBeta, auxDecayEpochs, epoch);
    }
}
