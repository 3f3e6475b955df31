package dev.naslab.api.train;

/**
 * A tensor's values on the host, as read from a checkpoint.
 *
 * @param shape  dimensions
 * @param values row-major float values
 */
public record TensorData(long[] shape, float[] values) {
}
