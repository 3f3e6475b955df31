package dev.naslab.optimizer.drnas;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import dev.naslab.api.BilevelSettings;

/**
 * DrNAS settings; defaults are the NAS-Bench-201 reference's (xiangning-chen/DrNAS,
 * {@code 201-space/train_search.py}: method dirichlet, reg_type l2, no partial channels, α trained
 * from the first step).
 *
 * @param epochs          search epochs; default 100
 * @param batchSize       batch size of train and validation batches; default 64
 * @param lr              weight learning rate at epoch 0 (cosine to {@code lrMin}); default 0.025
 * @param lrMin           final weight learning rate; default 0.001
 * @param momentum        SGD momentum; default 0.9
 * @param weightDecay     SGD weight decay; default 3e-4
 * @param gradClip        global gradient-norm clip of the weights; default 5
 * @param archLr          Adam learning rate of α; default 3e-4
 * @param archBeta1       Adam β1; default 0.5
 * @param archBeta2       Adam β2; default 0.999
 * @param regScale        the l2 regulariser of α, applied as Adam's weight decay as the reference does; default 1e-3
 * @param warmupEpochs    epochs of weight steps only before α trains; default 0 (the reference's
 *                        {@code if epoch >= 15} is commented out)
 */
public record DrnasSettings(
        @Setting("search epochs (the NB201 reference's 100)") Integer epochs,
        @Setting("batch size of train and validation batches") Integer batchSize,
        @Setting("weight learning rate at epoch 0 (cosine to lr_min)") Double lr,
        @Setting("final weight learning rate") Double lrMin,
        @Setting("SGD momentum") Double momentum,
        @Setting("SGD weight decay") Double weightDecay,
        @Setting("global gradient-norm clip of the weights") Double gradClip,
        @Setting("Adam learning rate of α") Double archLr,
        @Setting("Adam β1") Double archBeta1,
        @Setting("Adam β2") Double archBeta2,
        @Setting("l2 regulariser of α, as Adam's weight decay (the reference's reg_type l2, reg_scale 1e-3)") Double regScale,
        @Setting("epochs of weight steps only before α trains (the reference trains α from the start)") Integer warmupEpochs) implements BilevelSettings {

    /** Fills the reference defaults and checks every value. */
    public DrnasSettings {
        epochs = SettingException.positive("epochs", epochs == null ? 100 : epochs);
        batchSize = SettingException.positive("batch_size", batchSize == null ? 64 : batchSize);
        lr = BilevelSettings.checkLr(lr, 0.025);
        lrMin = BilevelSettings.checkLrMin(lrMin, 0.001, lr);
        momentum = BilevelSettings.checkMomentum(momentum, 0.9);
        weightDecay = BilevelSettings.checkWeightDecay(weightDecay, 3e-4);
        gradClip = BilevelSettings.checkGradClip(gradClip, 5.0);
        archLr = BilevelSettings.checkArchLr(archLr, 3e-4);
        archBeta1 = BilevelSettings.checkArchBeta1(archBeta1, 0.5);
        archBeta2 = BilevelSettings.checkArchBeta2(archBeta2, 0.999);
        regScale = BilevelSettings.checkArchWeightDecay("reg_scale", regScale, 1e-3);
        warmupEpochs = SettingException.nonNegative("warmup_epochs", warmupEpochs == null ? 0 : warmupEpochs);
        if (warmupEpochs >= epochs) {
            throw new SettingException("warmup_epochs", warmupEpochs + " leaves no epoch for α; it must be below epochs ("
                    + epochs + ")");
        }
    }

    /** The reference's L2 on the concentration is Adam's weight decay of α: {@code reg_scale}. */
    @Override
    public Double archWeightDecay() {
        return regScale;
    }
}
