package dev.naslab.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with L2 weight decay added to the gradient ({@code torch.optim.Adam} semantics), used for
 * α: lr 3e-4, betas (0.5, 0.999), weight decay 1e-3 in DARTS.
 */
public final class Adam implements Stateful {

    private final Map<String, NDArray> params;
    private final float lr;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final NDManager manager;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();

    public Adam(Map<String, NDArray> params, float lr, float beta1, float beta2, float eps, float weightDecay,
            NDManager manager) {
        this.params = params;
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.manager = manager.newSubManager();
    }

    /** One update from the gradients of the last backward pass. */
    public void step() {
        for (Map.Entry<String, NDArray> p : params.entrySet()) {
            String name = p.getKey();
            NDArray w = p.getValue();
            try (NDArray g = w.getGradient()) {
                if (weightDecay != 0f) {
                    try (NDArray decay = w.mul(weightDecay)) {
                        g.addi(decay);
                    }
                }
                NDArray mt = m.computeIfAbsent(name, k -> manager.zeros(w.getShape()));
                NDArray vt = v.computeIfAbsent(name, k -> manager.zeros(w.getShape()));
                int t = steps.merge(name, 1, Integer::sum);
                mt.muli(beta1);
                try (NDArray a = g.mul(1 - beta1)) {
                    mt.addi(a);
                }
                vt.muli(beta2);
                try (NDArray sq = g.square()) {
                    sq.muli(1 - beta2);
                    vt.addi(sq);
                }
                double bc1 = 1 - Math.pow(beta1, t);
                double bc2 = 1 - Math.pow(beta2, t);
                try (NDArray denom = vt.sqrt()) {
                    denom.divi((float) Math.sqrt(bc2)).addi(eps);
                    try (NDArray upd = mt.div(denom)) {
                        upd.muli((float) (lr / bc1));
                        w.subi(upd);
                    }
                }
            }
        }
    }

    @Override
    public Map<String, NDArray> stateTensors() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put("m/" + k, a));
        v.forEach((k, a) -> out.put("v/" + k, a));
        return out;
    }

    @Override
    public Map<String, Double> stateScalars() {
        Map<String, Double> out = new LinkedHashMap<>();
        steps.forEach((k, s) -> out.put("step/" + k, (double) s));
        return out;
    }

    @Override
    public void loadState(Map<String, TensorData> tensors, Map<String, Double> scalars) {
        tensors.forEach((name, t) -> {
            NDArray a = manager.create(FloatBuffer.wrap(t.values()), new Shape(t.shape()));
            if (name.startsWith("m/")) {
                put(m, name.substring(2), a);
            } else if (name.startsWith("v/")) {
                put(v, name.substring(2), a);
            }
        });
        scalars.forEach((name, s) -> {
            if (name.startsWith("step/")) {
                steps.put(name.substring(5), s.intValue());
            }
        });
    }

    private static void put(Map<String, NDArray> into, String key, NDArray a) {
        NDArray old = into.put(key, a);
        if (old != null) {
            old.close();
        }
    }
}
