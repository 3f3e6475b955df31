package dev.naslab.optimizer.gdas;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import dev.naslab.api.BilevelSettings;

/**
 * GDAS settings; defaults are the NAS-Bench-201 reference's (D-X-Y/AutoDL-Projects,
 * {@code configs/nas-benchmark/algos/GDAS.config} and {@code scripts-search/algos/GDAS.sh}).
 *
 * @param epochs          search epochs; default 250
 * @param batchSize       batch size of train and validation batches; default 64
 * @param lr              weight learning rate at epoch 0 (cosine to {@code lrMin}); default 0.025
 * @param lrMin           final weight learning rate; default 0.001
 * @param momentum        SGD momentum; default 0.9
 * @param nesterov        Nesterov momentum; default true
 * @param weightDecay     SGD weight decay; default 5e-4
 * @param gradClip        global gradient-norm clip of the weights, 0 for none; default 0 (the reference does not clip)
 * @param archLr          Adam learning rate of α; default 3e-4
 * @param archBeta1       Adam β1; default 0.5
 * @param archBeta2       Adam β2; default 0.999
 * @param archWeightDecay Adam weight decay of α; default 1e-3
 * @param tauMax          Gumbel-softmax temperature in the first epoch; default 10
 * @param tauMin          temperature in the last epoch (linear in between); default 0.1
 */
public record GdasSettings(
        @Setting("search epochs (the NB201 reference's 250)") Integer epochs,
        @Setting("batch size of train and validation batches") Integer batchSize,
        @Setting("weight learning rate at epoch 0 (cosine to lr_min)") Double lr,
        @Setting("final weight learning rate") Double lrMin,
        @Setting("SGD momentum") Double momentum,
        @Setting("Nesterov momentum (the reference's)") Boolean nesterov,
        @Setting("SGD weight decay") Double weightDecay,
        @Setting("global gradient-norm clip of the weights, 0 for none (the reference does not clip)") Double gradClip,
        @Setting("Adam learning rate of α") Double archLr,
        @Setting("Adam β1") Double archBeta1,
        @Setting("Adam β2") Double archBeta2,
        @Setting("Adam weight decay of α") Double archWeightDecay,
        @Setting("Gumbel-softmax temperature in the first epoch") Double tauMax,
        @Setting("temperature in the last epoch, linear in between") Double tauMin) implements BilevelSettings {

    /** Fills the reference defaults and checks every value. */
    public GdasSettings {
        epochs = SettingException.positive("epochs", epochs == null ? 250 : epochs);
        batchSize = SettingException.positive("batch_size", batchSize == null ? 64 : batchSize);
        lr = BilevelSettings.checkLr(lr, 0.025);
        lrMin = BilevelSettings.checkLrMin(lrMin, 0.001, lr);
        momentum = BilevelSettings.checkMomentum(momentum, 0.9);
        nesterov = nesterov == null || nesterov;
        weightDecay = BilevelSettings.checkWeightDecay(weightDecay, 5e-4);
        gradClip = BilevelSettings.checkGradClip(gradClip, 0.0);
        archLr = BilevelSettings.checkArchLr(archLr, 3e-4);
        archBeta1 = BilevelSettings.checkArchBeta1(archBeta1, 0.5);
        archBeta2 = BilevelSettings.checkArchBeta2(archBeta2, 0.999);
        archWeightDecay = BilevelSettings.checkArchWeightDecay("arch_weight_decay", archWeightDecay, 1e-3);
        tauMax = SettingException.range("tau_max", tauMax == null ? 10.0 : tauMax, 0, 1e4, true);
        tauMin = SettingException.range("tau_min", tauMin == null ? 0.1 : tauMin, 0, 1e4, true);
        if (tauMin > tauMax) {
            throw new SettingException("tau_min", tauMin + " is above tau_max " + tauMax
                    + "; the temperature decays from tau_max to tau_min");
        }
    }

    /**
     * {@return the temperature of epoch {@code epoch} (0-based) of {@code total}} Linear from
     * {@code tau_max} in the first epoch to {@code tau_min} in the last, as the reference sets it
     * at each epoch's start ({@code tau_max − (tau_max − tau_min)·epoch/(total − 1)}); a one-epoch
     * search uses {@code tau_max}.
     *
     * @param epoch the epoch, 0-based
     * @param total the search's epochs
     */
    public double tau(int epoch, int total) {
        return total <= 1 ? tauMax : tauMax - (tauMax - tauMin) * epoch / (total - 1);
    }
}
