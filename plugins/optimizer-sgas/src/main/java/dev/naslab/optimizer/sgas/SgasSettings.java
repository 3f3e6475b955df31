package dev.naslab.optimizer.sgas;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;

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
        @Setting("epochs after the last decision, before the final one") Integer postTrain) {

    public SgasSettings {
        batchSize = SettingException.positive("batch_size", batchSize == null ? 64 : batchSize);
        lr = SettingException.range("lr", lr == null ? 0.025 : lr, 0, 10, true);
        lrMin = SettingException.range("lr_min", lrMin == null ? 0.001 : lrMin, 0, lr, false);
        momentum = SettingException.range("momentum", momentum == null ? 0.9 : momentum, 0, 0.999, false);
        weightDecay = SettingException.range("weight_decay", weightDecay == null ? 3e-4 : weightDecay, 0, 1, false);
        gradClip = SettingException.range("grad_clip", gradClip == null ? 5.0 : gradClip, 0, 1e6, true);
        archLr = SettingException.range("arch_lr", archLr == null ? 3e-4 : archLr, 0, 1, true);
        archBeta1 = SettingException.range("arch_beta1", archBeta1 == null ? 0.5 : archBeta1, 0, 0.9999, false);
        archBeta2 = SettingException.range("arch_beta2", archBeta2 == null ? 0.999 : archBeta2, 0, 0.99999, false);
        archWeightDecay = SettingException.range("arch_weight_decay", archWeightDecay == null ? 1e-3 : archWeightDecay,
                0, 1, false);
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
