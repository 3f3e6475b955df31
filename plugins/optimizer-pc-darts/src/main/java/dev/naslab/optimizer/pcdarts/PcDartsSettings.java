package dev.naslab.optimizer.pcdarts;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import dev.naslab.api.BilevelSettings;

/**
 * PC-DARTS settings; defaults are the reference's DARTS-space search (yuhuixu1993/PC-DARTS,
 * {@code train_search.py} and {@code model_search.py}), first order as its published runs.
 *
 * @param epochs           search epochs; default 50
 * @param batchSize        batch size of train and validation batches; default 256 (what partial channels make room for)
 * @param lr               weight learning rate at epoch 0 (cosine to {@code lrMin}); default 0.1
 * @param lrMin            final weight learning rate; default 0
 * @param momentum         SGD momentum; default 0.9
 * @param weightDecay      SGD weight decay; default 3e-4
 * @param gradClip         global gradient-norm clip of the weights; default 5
 * @param archLr           Adam learning rate of α and β; default 6e-4
 * @param archBeta1        Adam β1; default 0.5
 * @param archBeta2        Adam β2; default 0.999
 * @param archWeightDecay  Adam weight decay of α and β; default 1e-3
 * @param partialChannels  k: each mixed edge's ops see 1/k of its channels; default 4
 * @param warmupEpochs     epochs in which only the weights train (the reference's {@code epoch >= 15}); default 15
 */
public record PcDartsSettings(
        @Setting("search epochs") Integer epochs,
        @Setting("batch size of train and validation batches (the reference's 256)") Integer batchSize,
        @Setting("weight learning rate at epoch 0 (cosine to lr_min)") Double lr,
        @Setting("final weight learning rate") Double lrMin,
        @Setting("SGD momentum") Double momentum,
        @Setting("SGD weight decay") Double weightDecay,
        @Setting("global gradient-norm clip of the weights") Double gradClip,
        @Setting("Adam learning rate of α and β") Double archLr,
        @Setting("Adam β1") Double archBeta1,
        @Setting("Adam β2") Double archBeta2,
        @Setting("Adam weight decay of α and β") Double archWeightDecay,
        @Setting("k: each mixed edge's ops see 1/k of its channels, the rest bypass them (1: all channels)") Integer partialChannels,
        @Setting("epochs in which only the weights train before α and β do") Integer warmupEpochs) implements BilevelSettings {

    /** Fills the reference defaults and checks every value. */
    public PcDartsSettings {
        epochs = SettingException.positive("epochs", epochs == null ? 50 : epochs);
        batchSize = SettingException.positive("batch_size", batchSize == null ? 256 : batchSize);
        lr = BilevelSettings.checkLr(lr, 0.1);
        lrMin = BilevelSettings.checkLrMin(lrMin, 0.0, lr);
        momentum = BilevelSettings.checkMomentum(momentum, 0.9);
        weightDecay = BilevelSettings.checkWeightDecay(weightDecay, 3e-4);
        gradClip = BilevelSettings.checkGradClip(gradClip, 5.0);
        archLr = BilevelSettings.checkArchLr(archLr, 6e-4);
        archBeta1 = BilevelSettings.checkArchBeta1(archBeta1, 0.5);
        archBeta2 = BilevelSettings.checkArchBeta2(archBeta2, 0.999);
        archWeightDecay = BilevelSettings.checkArchWeightDecay("arch_weight_decay", archWeightDecay, 1e-3);
        partialChannels = SettingException.positive("partial_channels", partialChannels == null ? 4 : partialChannels);
        warmupEpochs = SettingException.nonNegative("warmup_epochs", warmupEpochs == null ? 15 : warmupEpochs);
        if (warmupEpochs >= epochs) {
            throw new SettingException("warmup_epochs", warmupEpochs + " is not below epochs (" + epochs
                    + "): α and β would never train; set warmup_epochs below epochs (the reference warms up 15 of 50)");
        }
    }
}
