package dev.naslab.api.data;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.base.Rng;

/**
 * A split of a dataset: a view of some images of an {@link ImageData} with the dataset's
 * per-channel normalisation. Batches are built on the host (augmentation included) and copied
 * to the device once.
 */
public final class ImageSet {

    private final ImageData data;
    private final int[] indices;
    private final float[] mean;
    private final float[] std;

    /**
     * @param indices which images of {@code data} belong to this split
     * @param mean    per-channel mean of pixel/255
     * @param std     per-channel standard deviation of pixel/255
     * @param data the images
     */
    public ImageSet(ImageData data, int[] indices, float[] mean, float[] std) {
        if (mean.length != data.shape().channels() || std.length != data.shape().channels()) {
            throw new IllegalArgumentException("normalisation needs one mean and std per channel");
        }
        this.data = data;
        this.indices = indices.clone();
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** {@return number of images} */
    public int size() {
        return indices.length;
    }

    /** {@return the shape of one image} */
    public InputShape shape() {
        return data.shape();
    }

    /** {@return number of classes} */
    public int classes() {
        return data.classes();
    }

    /**
     * {@return the label of the image at {@code position}}
     *
     * @param position a position within this split
     */
    public int label(int position) {
        return data.labels()[indices[position]];
    }

    /**
     * {@return the images at {@code positions} of this split, as another split}
     *
     * @param positions positions within this split
     */
    public ImageSet subset(int[] positions) {
        int[] idx = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            idx[i] = indices[positions[i]];
        }
        return new ImageSet(data, idx, mean, std);
    }

    /**
     * {@return this split followed by {@code other} (same underlying data and normalisation)}
     *
     * @param other the split to append
     */
    public ImageSet concat(ImageSet other) {
        if (other.data != data) {
            throw new IllegalArgumentException("splits of different datasets cannot be joined");
        }
        int[] idx = new int[indices.length + other.indices.length];
        System.arraycopy(indices, 0, idx, 0, indices.length);
        System.arraycopy(other.indices, 0, idx, indices.length, other.indices.length);
        return new ImageSet(data, idx, mean, std);
    }

    /**
     * Zeroes the square of side {@code length} centred on a uniformly drawn pixel, clipped at the
     * borders, in every channel of the normalised image at {@code offset} (the DARTS recipe's
     * Cutout: rows [y − L/2, y + L/2) and the same for columns).
     */
    static void cutout(float[] image, int offset, int channels, int h, int w, int length, Rng rng) {
        int cy = rng.nextInt(h);
        int cx = rng.nextInt(w);
        int y1 = Math.max(0, cy - length / 2);
        int y2 = Math.min(h, cy + length / 2);
        int x1 = Math.max(0, cx - length / 2);
        int x2 = Math.min(w, cx + length / 2);
        for (int ch = 0; ch < channels; ch++) {
            for (int y = y1; y < y2; y++) {
                java.util.Arrays.fill(image, offset + ch * h * w + y * w + x1, offset + ch * h * w + y * w + x2, 0f);
            }
        }
    }

    /**
     * Builds the batch of the images at {@code positions}, normalised, augmented with
     * {@code aug} (random draws from {@code rng}), in {@code manager}.
     *
     * @param positions positions within this split
     * @param aug the augmentation to apply
     * @param rng the seeded generator to draw from
     * @param manager the manager its arrays live in
     * @return the batch
     */
    public Batch batch(int[] positions, Augmentation aug, Rng rng, NDManager manager) {
        InputShape s = data.shape();
        int c = s.channels();
        int h = s.height();
        int w = s.width();
        int plane = h * w;
        int n = positions.length;
        float[] out = new float[n * s.size()];
        float[] onehot = new float[n * data.classes()];
        int[] labels = new int[n];
        byte[] px = data.pixels();
        for (int b = 0; b < n; b++) {
            int img = indices[positions[b]];
            labels[b] = data.labels()[img];
            onehot[b * data.classes() + labels[b]] = 1f;
            int dy = 0;
            int dx = 0;
            if (aug.cropPadding() > 0) {
                dy = rng.nextInt(2 * aug.cropPadding() + 1) - aug.cropPadding();
                dx = rng.nextInt(2 * aug.cropPadding() + 1) - aug.cropPadding();
            }
            boolean flip = aug.horizontalFlip() && rng.nextBoolean();
            int src = img * s.size();
            int dst = b * s.size();
            for (int ch = 0; ch < c; ch++) {
                float m = mean[ch];
                float inv = 1f / std[ch];
                float pad = -m * inv;
                for (int y = 0; y < h; y++) {
                    int sy = y + dy;
                    for (int x = 0; x < w; x++) {
                        int sx = (flip ? w - 1 - x : x) + dx;
                        float v;
                        if (sy < 0 || sy >= h || sx < 0 || sx >= w) {
                            v = pad;
                        } else {
                            v = ((px[src + ch * plane + sy * w + sx] & 0xff) / 255f - m) * inv;
                        }
                        out[dst + ch * plane + y * w + x] = v;
                    }
                }
            }
            if (aug.cutout() > 0) {
                cutout(out, dst, c, h, w, aug.cutout(), rng);
            }
        }
        return new Batch(manager.create(out, new Shape(n, c, h, w)),
                manager.create(onehot, new Shape(n, data.classes())), labels);
    }
}
