package dev.naslab.evaluator.train;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;

/**
 * Training from scratch.
 *
 * @param epochs      training epochs over train+valid; default 10
 * @param batchSize   batch size; default 96
 * @param lr          initial learning rate, cosine to {@code lrMin}; default 0.025
 * @param lrMin       final learning rate; default 0
 * @param momentum    SGD momentum; default 0.9
 * @param weightDecay weight decay; default 3e-4
 * @param gradClip    global gradient-norm clip; default 5
 * @param augment     use the dataset's augmentation (crop/flip settings); default true
 * @param auxiliaryWeight weight of the auxiliary head's loss, added to the main loss (the DARTS
 *                    recipe uses 0.4); default 0 (off); needs a space whose networks have one
 * @param dropPath    final drop-path probability, ramped linearly from 0 over the epochs
 *                    (p = drop_path · epoch / epochs; the DARTS recipe uses 0.2); default 0 (off)
 * @param cutout      cutout length in pixels on training batches (the DARTS recipe uses 16 on
 *                    CIFAR); default 0 (off)
 */
public record TrainSettings(
        @Setting("training epochs over train+valid") Integer epochs,
        @Setting("batch size") Integer batchSize,
        @Setting("initial learning rate, cosine to lr_min") Double lr,
        @Setting("final learning rate") Double lrMin,
        @Setting("SGD momentum") Double momentum,
        @Setting("weight decay") Double weightDecay,
        @Setting("global gradient-norm clip") Double gradClip,
        @Setting("use the dataset's augmentation (crop/flip settings)") Boolean augment,
        @Setting("weight of the auxiliary head's loss, added to the main loss (the DARTS recipe uses 0.4)") Double auxiliaryWeight,
        @Setting("final drop-path probability, ramped linearly from 0 over the epochs (p = drop_path · epoch / epochs; the DARTS recipe uses 0.2)") Double dropPath,
        @Setting("cutout length in pixels on training batches (the DARTS recipe uses 16 on CIFAR)") Integer cutout) {

    public TrainSettings {
        epochs = SettingException.positive("epochs", epochs == null ? 10 : epochs);
        batchSize = SettingException.positive("batch_size", batchSize == null ? 96 : batchSize);
        lr = SettingException.range("lr", lr == null ? 0.025 : lr, 0, 10, true);
        lrMin = SettingException.range("lr_min", lrMin == null ? 0.0 : lrMin, 0, lr, false);
        momentum = SettingException.range("momentum", momentum == null ? 0.9 : momentum, 0, 0.999, false);
        weightDecay = SettingException.range("weight_decay", weightDecay == null ? 3e-4 : weightDecay, 0, 1, false);
        gradClip = SettingException.range("grad_clip", gradClip == null ? 5.0 : gradClip, 0, 1e6, true);
        augment = augment == null || augment;
        auxiliaryWeight = SettingException.range("auxiliary_weight", auxiliaryWeight == null ? 0.0 : auxiliaryWeight,
                0, 100, false);
        dropPath = SettingException.range("drop_path", dropPath == null ? 0.0 : dropPath, 0, 0.99, false);
        cutout = SettingException.nonNegative("cutout", cutout == null ? 0 : cutout);
    }
}
