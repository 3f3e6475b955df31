package dev.naslab.optimizer.fairdarts;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import dev.naslab.api.BilevelSettings;

/**
 * FairDARTS settings; defaults are the reference's DARTS-space search (xiaomi-automl/FairDARTS,
 * {@code fairdarts/train_search.py}, bi-level as its default).
 *
 * @param epochs           search epochs; default 50
 * @param batchSize        batch size of train and validation batches; default 128
 * @param lr               weight learning rate at epoch 0 (cosine to {@code lrMin}); default 0.005
 * @param lrMin            final weight learning rate; default 0.001
 * @param momentum         SGD momentum; default 0.9
 * @param weightDecay      SGD weight decay; default 3e-4
 * @param gradClip         global gradient-norm clip of the weights; default 5
 * @param archLr           Adam learning rate of α; default 3e-3
 * @param archBeta1        Adam β1; default 0.9 (the reference's {@code arch_lr_gamma})
 * @param archBeta2        Adam β2; default 0.999
 * @param archWeightDecay  Adam weight decay of α; default 1e-3
 * @param zeroOneWeight    weight of the zero-one loss in both steps; default 10 ({@code aux_loss_weight})
 * @param zeroOneLoss      {@code l2} (−MSE to ½, the reference's default) or {@code l1}; default l2
 */
public record FairDartsSettings(
        @Setting("search epochs") Integer epochs,
        @Setting("batch size of train and validation batches") Integer batchSize,
        @Setting("weight learning rate at epoch 0 (cosine to lr_min)") Double lr,
        @Setting("final weight learning rate") Double lrMin,
        @Setting("SGD momentum") Double momentum,
        @Setting("SGD weight decay") Double weightDecay,
        @Setting("global gradient-norm clip of the weights") Double gradClip,
        @Setting("Adam learning rate of α") Double archLr,
        @Setting("Adam β1 (the reference's arch_lr_gamma)") Double archBeta1,
        @Setting("Adam β2") Double archBeta2,
        @Setting("Adam weight decay of α") Double archWeightDecay,
        @Setting("weight of the zero-one loss, added in the α step and the weight step") Double zeroOneWeight,
        @Setting("l2: −mean((σ(α) − 0.5)²), the reference's default; l1: −mean(|σ(α) − 0.5|)") String zeroOneLoss) implements BilevelSettings {

    /** Fills the reference defaults and checks every value. */
    public FairDartsSettings {
        epochs = SettingException.positive("epochs", epochs == null ? 50 : epochs);
        batchSize = SettingException.positive("batch_size", batchSize == null ? 128 : batchSize);
        lr = BilevelSettings.checkLr(lr, 0.005);
        lrMin = BilevelSettings.checkLrMin(lrMin, 0.001, lr);
        momentum = BilevelSettings.checkMomentum(momentum, 0.9);
        weightDecay = BilevelSettings.checkWeightDecay(weightDecay, 3e-4);
        gradClip = BilevelSettings.checkGradClip(gradClip, 5.0);
        archLr = BilevelSettings.checkArchLr(archLr, 3e-3);
        archBeta1 = BilevelSettings.checkArchBeta1(archBeta1, 0.9);
        archBeta2 = BilevelSettings.checkArchBeta2(archBeta2, 0.999);
        archWeightDecay = BilevelSettings.checkArchWeightDecay("arch_weight_decay", archWeightDecay, 1e-3);
        zeroOneWeight = SettingException.range("zero_one_weight", zeroOneWeight == null ? 10.0 : zeroOneWeight, 0, 1e6,
                false);
        zeroOneLoss = SettingException.oneOf("zero_one_loss", zeroOneLoss == null ? "l2" : zeroOneLoss, "l2", "l1");
    }
}
