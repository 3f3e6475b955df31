package dev.naslab.optimizer.betadarts;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import dev.naslab.api.BilevelSettings;

/**
 * β-DARTS settings; defaults are the reference's (Sunshine-Ye/Beta-DARTS, {@code sota/cnn/train_search.py}
 * and {@code nasbench201/train_search.py}, which share DARTS's), first order as its published runs.
 *
 * @param epochs           search epochs; default 50 (the DARTS-space reference's; its NB201 search runs 100)
 * @param batchSize        batch size of train and validation batches; default 64
 * @param lr               weight learning rate at epoch 0 (cosine to {@code lrMin}); default 0.025
 * @param lrMin            final weight learning rate; default 0.001
 * @param momentum         SGD momentum; default 0.9
 * @param weightDecay      SGD weight decay; default 3e-4
 * @param gradClip         global gradient-norm clip of the weights; default 5
 * @param archLr           Adam learning rate of α; default 3e-4
 * @param archBeta1        Adam β1; default 0.5
 * @param archBeta2        Adam β2; default 0.999
 * @param archWeightDecay  Adam weight decay of α; default 1e-3
 * @param lambdaMax        regulariser weight reached after {@code lambdaRampEpochs}; default 50
 * @param lambdaRampEpochs epochs over which λ grows linearly from 0 to {@code lambdaMax}; default 100, the
 *                         reference's literal {@code 50·epoch/100} whatever the search's length
 */
public record BetaDartsSettings(
        @Setting("search epochs; the DARTS-space reference's 50 (its NB201 search runs 100)") Integer epochs,
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
        @Setting("weight of the β-decay regulariser after lambda_ramp_epochs (the reference's 50)") Double lambdaMax,
        @Setting("epochs over which λ grows linearly from 0 to lambda_max (the reference's 100, whatever the search's length)") Integer lambdaRampEpochs) implements BilevelSettings {

    /** Fills the reference defaults and checks every value. */
    public BetaDartsSettings {
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
        lambdaMax = SettingException.range("lambda_max", lambdaMax == null ? 50.0 : lambdaMax, 0, 1e6, false);
        lambdaRampEpochs = SettingException.positive("lambda_ramp_epochs", lambdaRampEpochs == null ? 100 : lambdaRampEpochs);
    }
}
