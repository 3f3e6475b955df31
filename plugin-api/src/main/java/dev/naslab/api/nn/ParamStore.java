package dev.naslab.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named trainable weights and buffers of one network, held in a long-lived manager of their
 * own. Names are stable ({@code cells.3.edge2.conv3.weight}): they are checkpoint keys.
 *
 * <p>Memory rule: results of an op join the manager of the op's first input, so forward passes
 * must start from the (short-lived) input, never from a parameter.
 */
public final class ParamStore implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> weights = new LinkedHashMap<>();
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private final Map<String, NDArray> constants = new HashMap<>();

    /**
     * An empty store whose arrays live in a sub-manager of {@code parent}.
     *
     * @param parent the manager to derive from
     */
    public ParamStore(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    /**
     * Registers a trainable weight with the given initial values.
     *
     * @param name the name its arrays are registered under
     * @param shape one image's shape
     * @param values initial values, row-major
     * @return the weight
     */
    public NDArray weight(String name, Shape shape, float[] values) {
        if (weights.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException("duplicate parameter name " + name);
        }
        NDArray a = manager.create(values, shape);
        a.setName(name);
        a.setRequiresGradient(true);
        weights.put(name, a);
        return a;
    }

    /**
     * Registers a non-trainable buffer (e.g. BatchNorm running mean) filled with {@code fill}.
     *
     * @param name the name its arrays are registered under
     * @param shape one image's shape
     * @param fill the value to fill with
     * @return the buffer
     */
    public NDArray buffer(String name, Shape shape, float fill) {
        if (weights.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException("duplicate parameter name " + name);
        }
        NDArray a = manager.full(shape, fill);
        a.setName(name);
        buffers.put(name, a);
        return a;
    }

    /**
     * {@return a shared constant vector of {@code length} entries equal to {@code fill} (not saved)}
     *
     * @param fill the value to fill with
     * @param length side of the cutout square, pixels (0: none)
     */
    public NDArray constant(float fill, long length) {
        return constants.computeIfAbsent(fill + "/" + length, k -> manager.full(new Shape(length), fill));
    }

    /**
     * {@return a shared constant made once by {@code make} in this store's manager (not saved)}
     *
     * @param key the constant's key in this store
     * @param make builds the constant the first time it is asked for
     */
    public NDArray constant(String key, java.util.function.Function<NDManager, NDArray> make) {
        return constants.computeIfAbsent(key, k -> make.apply(manager));
    }

    /** {@return trainable weights by name, in registration order} */
    public Map<String, NDArray> weights() {
        return Collections.unmodifiableMap(weights);
    }

    /**
     * Buffers by name.
     *
     * @return the buffers by name
     */
    public Map<String, NDArray> buffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /**
     * Weights and buffers, for checkpoints.
     *
     * @return weights and buffers, for checkpoints
     */
    public Map<String, NDArray> state() {
        Map<String, NDArray> all = new LinkedHashMap<>(weights);
        all.putAll(buffers);
        return all;
    }

    /** {@return number of trainable scalars (no α, no running statistics)} */
    public long count() {
        return weights.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /**
     * Whether the weights receive gradients in the next backward pass.
     *
     * @param trainable whether α trains
     */
    public void setTrainable(boolean trainable) {
        for (NDArray a : weights.values()) {
            a.setRequiresGradient(trainable);
        }
    }

    /** {@return the manager that owns the weights} */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
