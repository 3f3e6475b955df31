package dev.naslab.api.data;

/**
 * What a {@link dev.naslab.api.DatasetProvider} returns.
 *
 * @param name         dataset id, for reports
 * @param train        the training half of the training set (weights are trained on it)
 * @param valid        the held-out half (α is trained and supernets are scored on it)
 * @param test         the test set
 * @param augmentation augmentation applied to training-time batches
 */
public record DataSplits(String name, ImageSet train, ImageSet valid, ImageSet test, Augmentation augmentation) {
}
