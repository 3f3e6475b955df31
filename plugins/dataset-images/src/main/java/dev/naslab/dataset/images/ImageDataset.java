package dev.naslab.dataset.images;

import dev.naslab.api.DatasetProvider;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.data.DatasetInfo;
import dev.naslab.api.data.ImageData;
import dev.naslab.api.data.ImageSet;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.base.Rng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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

    /** Problems with the files under {@code s.path()} (already resolved to a folder or {@code sample}). */
    abstract List<String> checkFiles(ImageDatasetSettings s);

    /**
     * The settings with {@code path} resolved: {@code sample} as it is, a folder that exists, or the
     * dataset under {@link DataRoot}; empty when nothing was found.
     */
    java.util.Optional<ImageDatasetSettings> resolve(ImageDatasetSettings s) {
        if (DatasetFiles.SAMPLE.equals(s.path())) {
            return java.util.Optional.of(s);
        }
        return DataRoot.find(id(), s.path()).map(p -> s.withPath(p.toString()));
    }

    @Override
    public List<String> check(ImageDatasetSettings s) {
        java.util.Optional<ImageDatasetSettings> r = resolve(s);
        if (r.isEmpty()) {
            if (s.path() == null) {
                return List.of("path: not given and no " + id() + " data found; looked in " + DataRoot.looked(id(), null)
                        + "; give path: <folder with the files>, set NASLAB_DATA to a folder holding " + id() + "/, or "
                        + "use path: sample for the bundled Fashion-MNIST sample");
            }
            return List.of("path '" + s.path() + "' is not a folder (looked in " + DataRoot.looked(id(), s.path())
                    + "; expected the " + id() + " files)");
        }
        return checkFiles(r.get());
    }

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
        ImageDatasetSettings found = resolve(s).orElseThrow(() -> new UncheckedIOException(new IOException(
                "no " + id() + " data found; looked in " + DataRoot.looked(id(), s.path()))));
        try {
            raw = read(found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + id() + " from " + found.path() + ": " + e.getMessage(), e);
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
