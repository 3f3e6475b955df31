package dev.naslab.dataset.images;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;

/**
 * Settings shared by the image datasets.
 *
 * @param path         folder with the dataset's files, or {@code sample} for the bundled
 *                     Fashion-MNIST sample (3,000 training and 1,000 test images). Left out: the
 *                     dataset's own name under {@code $NASLAB_DATA}, else under
 *                     {@code /usr/share/datasets} (Debian's dataset packages); a relative path not
 *                     found in the working folder is looked up under {@code $NASLAB_DATA}
 * @param trainPortion share of the training set used to train weights; the rest (by index) is
 *                     the validation split; default 0.5
 * @param trainLimit   use only this many training images (a subset drawn with the trial's seed);
 *                     default all
 * @param testLimit    use only the first this many test images; default all
 * @param cropPadding  random-crop augmentation after zero padding by this many pixels; default 0
 *                     (off); the reference uses 4 for CIFAR
 * @param flip         random horizontal flips; default false
 */
public record ImageDatasetSettings(
        @Setting("folder with the dataset's files, or sample for the bundled Fashion-MNIST sample; left out: $NASLAB_DATA/<id>, else /usr/share/datasets/<id>") String path,
        @Setting("share of the training set used to train weights; the rest (by index) is the validation split") Double trainPortion,
        @Setting("use only this many training images (a subset drawn with the trial's seed)") Integer trainLimit,
        @Setting("use only the first this many test images") Integer testLimit,
        @Setting("random-crop augmentation after zero padding by this many pixels; default 0 (off), the DARTS, DARTS-PT and NB201 references use 4 with flips on CIFAR (configs/paper/)") Integer cropPadding,
        @Setting("random horizontal flips; default off (the CIFAR references flip)") Boolean flip) {

    /** These settings with {@code path} replaced (the folder the data was found in). */
    ImageDatasetSettings withPath(String folder) {
        return new ImageDatasetSettings(folder, trainPortion, trainLimit, testLimit, cropPadding, flip);
    }

    public ImageDatasetSettings {
        if (path != null && path.isBlank()) {
            throw new SettingException("path", "is empty: give the folder with the dataset files, 'sample' for the "
                    + "bundled Fashion-MNIST sample, or leave it out to use $NASLAB_DATA or /usr/share/datasets");
        }
        trainPortion = SettingException.range("train_portion", trainPortion == null ? 0.5 : trainPortion, 0, 1, true);
        if (trainPortion >= 1.0) {
            throw new SettingException("train_portion", "must be below 1 so that a validation split remains, got "
                    + trainPortion);
        }
        if (trainLimit != null) {
            SettingException.positive("train_limit", trainLimit);
        }
        if (testLimit != null) {
            SettingException.positive("test_limit", testLimit);
        }
        cropPadding = SettingException.nonNegative("crop_padding", cropPadding == null ? 0 : cropPadding);
        flip = flip != null && flip;
    }
}
