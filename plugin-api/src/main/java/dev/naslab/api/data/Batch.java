package dev.naslab.api.data;

import ai.djl.ndarray.NDArray;

/**
 * One batch on the device: normalised images, one-hot targets and the labels on the host.
 *
 * @param x      N×C×H×W images
 * @param oneHot N×classes targets
 * @param labels class indices
 */
public record Batch(NDArray x, NDArray oneHot, int[] labels) implements AutoCloseable {

    /**
     * Images in the batch.
     *
     * @return images in the batch
     */
    public int size() {
        return labels.length;
    }

    @Override
    public void close() {
        x.close();
        oneHot.close();
    }
}
