package dev.naslab.testkit;

import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.data.ImageData;
import dev.naslab.api.data.ImageSet;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.base.Rng;

/**
 * Learnable random data: each image is noise around a brightness its class decides, so a network
 * that learns gets better than chance within a few steps. Seeded: the same arguments give the same
 * images.
 */
public final class TestData {

    private TestData() {
    }

    /**
     * Train, validation and test splits of {@code perSplit} images each.
     *
     * @param shape    one image's shape
     * @param classes  number of classes (labels drawn uniformly)
     * @param perSplit images per split
     * @param seed     the generator's seed
     * @return the splits, without augmentation
     */
    public static DataSplits splits(InputShape shape, int classes, int perSplit, long seed) {
        Rng rng = new Rng(seed);
        int n = 3 * perSplit;
        byte[] pixels = new byte[n * shape.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(classes);
            double level = 40 + 175.0 * labels[i] / Math.max(1, classes - 1);
            for (int p = 0; p < shape.size(); p++) {
                double v = level + 30 * rng.nextGaussian();
                pixels[i * shape.size() + p] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        ImageData data = new ImageData(pixels, labels, shape, classes);
        float[] mean = new float[shape.channels()];
        float[] std = new float[shape.channels()];
        java.util.Arrays.fill(mean, 0.5f);
        java.util.Arrays.fill(std, 0.25f);
        return new DataSplits("test-data", set(data, 0, perSplit, mean, std), set(data, perSplit, perSplit, mean, std),
                set(data, 2 * perSplit, perSplit, mean, std), Augmentation.NONE);
    }

    private static ImageSet set(ImageData data, int from, int count, float[] mean, float[] std) {
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = from + i;
        }
        return new ImageSet(data, idx, mean, std);
    }
}
