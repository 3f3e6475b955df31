package dev.naslab.dataset.images;

import dev.naslab.api.DatasetProvider;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.data.DatasetInfo;
import dev.naslab.api.data.ImageData;
import dev.naslab.api.data.ImageSet;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.train.Rng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Base of the image datasets: splits the training set into train and validation by index
 * (the reference: first {@code train_portion} trains weights, the rest trains α and scores
 * supernets), optionally on a seeded subset, with the dataset's normalisation.
 */
abstract class ImageDataset implements DatasetProvider<ImageDatasetSettings> {

    /** Training images and test images as read from disk. */
    record Raw(ImageData train, ImageData test) {
    }

    abstract InputShape shape();

    abstract int classes();

    abstract float[] mean();

    abstract float[] std();

    abstract Raw read(ImageDatasetSettings s) throws IOException;

    @Override
    public Class<ImageDatasetSettings> settingsClass() {
        return ImageDatasetSettings.class;
    }

    @Override
    public DatasetInfo describe(ImageDatasetSettings settings) {
        return new DatasetInfo(shape(), classes());
    }

    @Override
    public DataSplits load(ImageDatasetSettings s, long seed) {
        Raw raw;
        try {
            raw = read(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + id() + " from " + s.path() + ": " + e.getMessage(), e);
        }
        int n = raw.train().count();
        int[] pool;
        if (s.trainLimit() != null && s.trainLimit() < n) {
            pool = Arrays.copyOf(Rng.derive(seed, "dataset-subset").permutation(n), s.trainLimit());
            Arrays.sort(pool);
        } else {
            pool = range(0, n);
        }
        int cut = (int) Math.floor(pool.length * s.trainPortion());
        if (cut < 1 || cut >= pool.length) {
            throw new IllegalArgumentException("train_portion " + s.trainPortion() + " of " + pool.length
                    + " images leaves an empty train or validation split");
        }
        int tests = s.testLimit() == null ? raw.test().count() : Math.min(s.testLimit(), raw.test().count());
        ImageSet train = new ImageSet(raw.train(), Arrays.copyOfRange(pool, 0, cut), mean(), std());
        ImageSet valid = new ImageSet(raw.train(), Arrays.copyOfRange(pool, cut, pool.length), mean(), std());
        ImageSet test = new ImageSet(raw.test(), range(0, tests), mean(), std());
        return new DataSplits(id(), train, valid, test, new Augmentation(s.cropPadding(), s.flip()));
    }

    static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
