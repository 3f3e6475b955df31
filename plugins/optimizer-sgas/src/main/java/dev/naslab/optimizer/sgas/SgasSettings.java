package dev.naslab.optimizer.sgas;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import dev.naslab.api.BilevelSettings;

/**
 * SGAS settings; defaults are the reference's (lightaime/sgas {@code cnn/train_search.py}). There is no
 * {@code epochs}: the search lasts warmup_dec_epoch + decision_freq·(decisions − 1) + post_train + 1
 * epochs, one decision per edge the space keeps (8 in the DARTS space: 50 epochs; 6 on
 * NAS-Bench-201, where SGAS is naslab's adaptation: 40 epochs).
 *
 * @param batchSize       batch size at the start; default 64
 * @param lr              weight learning rate at epoch 0 (cosine to {@code lrMin} over the derived epochs); default 0.025
 * @param lrMin           final weight learning rate; default 0.001
 * @param momentum        SGD momentum; default 0.9
 * @param weightDecay     SGD weight decay; default 3e-4
 * @param gradClip        global gradient-norm clip of the weights; default 5
 * @param archLr          Adam learning rate of α; default 3e-4
 * @param archBeta1       Adam β1; default 0.5
 * @param archBeta2       Adam β2; default 0.999
 * @param archWeightDecay Adam weight decay of α; default 1e-3
 * @param order           α step: {@code first} (default) or {@code second}, as DARTS
 * @param criterion       1 (importance × certainty; default) or 2 (× stability)
 * @param warmupDecEpoch  epochs before the first decision; default 9
 * @param decisionFreq    epochs between decisions; default 5
 * @param historySize     epochs of q kept for the stability of criterion 2; default 4
 * @param batchIncrease   images added to the batch after each decision; default 8
 * @param postTrain       epochs after the last decision, before the final one; default 5
 */
public record SgasSettings(
        @Setting("batch size at the start") Integer batchSize,
        @Setting("weight learning rate at epoch 0 (cosine to lr_min over the derived epochs)") Double lr,
        @Setting("final weight learning rate") Double lrMin,
        @Setting("SGD momentum") Double momentum,
        @Setting("SGD weight decay") Double weightDecay,
        @Setting("global gradient-norm clip of the weights") Double gradClip,
        @Setting("Adam learning rate of α") Double archLr,
        @Setting("Adam β1") Double archBeta1,
        @Setting("Adam β2") Double archBeta2,
        @Setting("Adam weight decay of α") Double archWeightDecay,
        @Setting("α step: first (default) or second, as DARTS") String order,
        @Setting("SGAS criterion: 1 (importance × certainty) or 2 (× stability)") Integer criterion,
        @Setting("epochs before the first decision") Integer warmupDecEpoch,
        @Setting("epochs between decisions") Integer decisionFreq,
        @Setting("epochs of q kept for the stability of criterion 2") Integer historySize,
        @Setting("images added to the batch after each decision") Integer batchIncrease,
        @Setting("epochs after the last decision, before the final one") Integer postTrain) implements BilevelSettings {

    public SgasSettings {
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
        criterion = criterion == null ? 1 : criterion;
        if (criterion != 1 && criterion != 2) {
            throw new SettingException("criterion", "must be 1 (importance x certainty) or 2 (x stability), got "
                    + criterion);
        }
        warmupDecEpoch = SettingException.nonNegative("warmup_dec_epoch", warmupDecEpoch == null ? 9 : warmupDecEpoch);
        decisionFreq = SettingException.positive("decision_freq", decisionFreq == null ? 5 : decisionFreq);
        historySize = SettingException.positive("history_size", historySize == null ? 4 : historySize);
        batchIncrease = SettingException.nonNegative("batch_increase", batchIncrease == null ? 8 : batchIncrease);
        postTrain = SettingException.nonNegative("post_train", postTrain == null ? 5 : postTrain);
    }

    /** Search epochs for {@code decisions} decisions per cell type. */
    int epochs(int decisions) {
        return warmupDecEpoch + decisionFreq * (decisions - 1) + postTrain + 1;
    }

    /** Whether 0-based {@code epoch} ends with a decision. */
    boolean decides(int epoch) {
        return epoch >= warmupDecEpoch && (epoch - warmupDecEpoch) % decisionFreq == 0;
    }
}
