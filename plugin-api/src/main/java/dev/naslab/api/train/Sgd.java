package dev.naslab.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SGD with momentum and L2 weight decay, with PyTorch's semantics:
 * {@code buf = μ·buf + (g + λ·w); w -= lr·buf} (the first step sets {@code buf = g + λ·w}).
 * DJL's own SGD follows MXNet ({@code lr} inside the buffer), which differs once the learning
 * rate changes; DARTS's unrolled step also needs to read the buffers, hence this class.
 */
public final class Sgd implements Stateful {

    private final Map<String, NDArray> params;
    private final float momentum;
    private final float weightDecay;
    private final NDManager manager;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private float baseLr = Float.NaN;
    private boolean nesterov;

    /**
     * @param params  the weights to update, by name
     * @param manager a long-lived manager for the momentum buffers
     * @param momentum the momentum factor
     * @param weightDecay the L2 weight decay
     */
    public Sgd(Map<String, NDArray> params, float momentum, float weightDecay, NDManager manager) {
        this.params = params;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.manager = manager.newSubManager();
    }

    /**
     * Records the schedule's initial learning rate with this optimizer's state (a search does, for
     * selectors that derive their own rate from it); returns this optimizer.
     *
     * @param lr the learning rate of the first step
     * @return this optimizer
     * @since 0.2
     */
    public Sgd withBaseLr(float lr) {
        this.baseLr = lr;
        return this;
    }

    /**
     * Nesterov momentum, as PyTorch's {@code nesterov=True}: the update is {@code g + μ·buf} instead
     * of {@code buf} (GDAS's reference searches with it); returns this optimizer.
     *
     * @param on whether to use Nesterov momentum
     * @return this optimizer
     * @since 0.3
     */
    public Sgd withNesterov(boolean on) {
        this.nesterov = on;
        return this;
    }

    /**
     * {@return the initial learning rate recorded by {@link #withBaseLr}, NaN if none was}
     *
     * @since 0.2
     */
    public float baseLr() {
        return baseLr;
    }

    /**
     * One update with learning rate {@code lr} from the gradients of the last backward pass.
     *
     * @param lr the learning rate
     */
    public void step(float lr) {
        for (Map.Entry<String, NDArray> p : params.entrySet()) {
            NDArray w = p.getValue();
            try (NDArray g = w.getGradient()) {
                if (weightDecay != 0f) {
                    try (NDArray decay = w.mul(weightDecay)) {
                        g.addi(decay);
                    }
                }
                NDArray buf = buffers.get(p.getKey());
                if (buf == null || momentum == 0f) {
                    if (buf != null) {
                        buf.close();
                    }
                    buf = g.duplicate();
                    buf.attach(manager);
                    buffers.put(p.getKey(), buf);
                } else {
                    buf.muli(momentum).addi(g);
                }
                if (nesterov && momentum != 0f) {
                    try (NDArray ahead = buf.mul(momentum); NDArray delta = ahead.addi(g).muli(lr)) {
                        w.subi(delta);
                    }
                } else {
                    try (NDArray delta = buf.mul(lr)) {
                        w.subi(delta);
                    }
                }
            }
        }
    }

    /**
     * {@return the momentum buffer of a weight, or null before its first step}
     *
     * @param name the parameter's name
     */
    public NDArray buffer(String name) {
        return buffers.get(name);
    }

    /** {@return the momentum factor} */
    public float momentum() {
        return momentum;
    }

    /** {@return the L2 weight decay} */
    public float weightDecay() {
        return weightDecay;
    }

    @Override
    public Map<String, NDArray> stateTensors() {
        return buffers;
    }

    @Override
    public Map<String, Double> stateScalars() {
        return Float.isNaN(baseLr) ? Map.of() : Map.of("hyper/base_lr", (double) baseLr);
    }

    @Override
    public void loadState(Map<String, TensorData> tensors, Map<String, Double> scalars) {
        if (scalars.containsKey("hyper/base_lr")) {
            baseLr = scalars.get("hyper/base_lr").floatValue();
        }
        buffers.values().forEach(NDArray::close);
        buffers.clear();
        tensors.forEach((name, t) -> {
            NDArray a = manager.create(FloatBuffer.wrap(t.values()), new Shape(t.shape()));
            buffers.put(name, a);
        });
    }
}
