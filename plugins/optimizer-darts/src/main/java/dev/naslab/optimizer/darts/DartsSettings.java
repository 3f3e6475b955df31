package dev.naslab.optimizer.darts;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import dev.naslab.api.BilevelSettings;

/**
 * DARTS settings; defaults are the reference's (quark0/darts, darts-pt).
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
 * @param order           {@code first} (ξ = 0, default) or {@code second} (unrolled, ξ = current lr)
 * @param trainAlpha      train α (default true); false keeps α ≡ 0 (uniform mixing: the supernets
 *                        of DARTS-PT's fix-α variant)
 */
public record DartsSettings(
        @Setting("search epochs; the default 50 is the DARTS-space reference's, the NB201 reference searches 100 (configs/paper/ has both)") Integer epochs,
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
        @Setting("first (ξ = 0, default) or second (unrolled, ξ = current lr)") String order,
        @Setting("train α (default true); false keeps α ≡ 0 (uniform mixing: the supernets of DARTS-PT's fix-α variant)") Boolean trainAlpha) implements BilevelSettings {

    public DartsSettings {
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
        order = SettingException.oneOf("order", order == null ? "first" : order, "first", "second");
        trainAlpha = trainAlpha == null || trainAlpha;
    }
}
