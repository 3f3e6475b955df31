package dev.naslab.api.data;

import dev.naslab.api.base.Rng;

/**
 * Batch positions over a split: epochs in a fresh seeded order (the last, shorter batch
 * included), and independent random batches (the reference draws each validation batch from a
 * new shuffled iterator).
 */
public final class BatchStream {

    private final int size;
    private final int batchSize;
    private final Rng rng;
    private int[] order;
    private int cursor;

    /**
     * Batches of {@code batchSize} over {@code size} items, shuffled by {@code rng} every epoch.
     *
     * @param size items in the split
     * @param batchSize images per batch
     * @param rng the seeded generator to draw from
     */
    public BatchStream(int size, int batchSize, Rng rng) {
        if (size < 1) {
            throw new IllegalArgumentException("cannot batch an empty split");
        }
        this.size = size;
        this.batchSize = Math.min(batchSize, size);
        this.rng = rng;
    }

    /**
     * Images per batch.
     *
     * @return images per batch
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Batches in one epoch.
     *
     * @return batches in one epoch
     */
    public int batchesPerEpoch() {
        return (size + batchSize - 1) / batchSize;
    }

    /**
     * Positions of the next batch of the current epoch; a new order starts after the last.
     *
     * @return positions of the next batch of the current epoch
     */
    public int[] next() {
        if (order == null || cursor >= size) {
            order = rng.permutation(size);
            cursor = 0;
        }
        int n = Math.min(batchSize, size - cursor);
        int[] out = new int[n];
        System.arraycopy(order, cursor, out, 0, n);
        cursor += n;
        return out;
    }

    /** Starts a new epoch at the next call of {@link #next()}. */
    public void restartEpoch() {
        order = null;
    }

    /** {@return a full-size batch drawn without replacement, independent of the epoch order} */
    public int[] random() {
        int[] out = new int[batchSize];
        // partial Fisher–Yates over a virtual identity array
        java.util.Map<Integer, Integer> swapped = new java.util.HashMap<>();
        for (int i = 0; i < batchSize; i++) {
            int j = i + rng.nextInt(size - i);
            int vj = swapped.getOrDefault(j, j);
            int vi = swapped.getOrDefault(i, i);
            swapped.put(j, vi);
            out[i] = vj;
        }
        return out;
    }
}
