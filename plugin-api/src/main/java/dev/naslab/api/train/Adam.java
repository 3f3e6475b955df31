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
 *
 * <p>Its saved state ({@link #stateScalars}) includes the hyper-parameters (since 0.2), and
 * {@link #loadState} restores them: a selector that continues the search's α optimizer continues it
 * with the search's settings.
 *
 * <p>Rows of a parameter can be frozen ({@link #freezeRows}): their values and moments no longer
 * change, as if they had no gradient at all (SGAS freezes the α of decided edges; PyTorch's Adam
 * skips parameters whose gradient is absent, so neither momentum nor weight decay moves them).
 */
public final class Adam implements Stateful {

    private final Map<String, NDArray> params;
    private float lr;
    // the decimals the float arguments were written as (0.999, not 0.99900001): 1 − β is computed in double,
    // as PyTorch computes it from Python floats, then rounded once to float32 where it multiplies a tensor
    private double beta1;
    private double beta2;
    private float eps;
    private float weightDecay;
    private final NDManager manager;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();
    private final Map<String, java.util.TreeSet<Integer>> frozen = new LinkedHashMap<>();

    /**
     * Adam over {@code params} with PyTorch's semantics (L2 weight decay added to the gradient); state lives in {@code manager}.
     *
     * @param params the weights by name
     * @param lr the learning rate
     * @param beta1 Adam's β1
     * @param beta2 Adam's β2
     * @param eps Adam's ε
     * @param weightDecay the L2 weight decay
     * @param manager the manager its arrays live in
     */
    public Adam(Map<String, NDArray> params, float lr, float beta1, float beta2, float eps, float weightDecay,
            NDManager manager) {
        this.params = params;
        this.lr = lr;
        this.beta1 = decimal(beta1);
        this.beta2 = decimal(beta2);
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.manager = manager.newSubManager();
    }

    /**
     * Freezes rows (indices along the first axis) of parameter {@code name} for good.
     *
     * @since 0.2
     * @param name the parameter's name
     * @param rows the rows to freeze
     */
    public void freezeRows(String name, int... rows) {
        if (!params.containsKey(name)) {
            throw new IllegalArgumentException("no parameter '" + name + "' in this optimizer");
        }
        java.util.TreeSet<Integer> set = frozen.computeIfAbsent(name, k -> new java.util.TreeSet<>());
        for (int r : rows) {
            set.add(r);
        }
    }

    /**
     * Rows of {@code name} frozen so far, ascending.
     *
     * @param name the parameter's name
     * @return rows of {@code name} frozen so far, ascending
     */
    public java.util.List<Integer> frozenRows(String name) {
        return java.util.List.copyOf(frozen.getOrDefault(name, new java.util.TreeSet<>()));
    }

    /** One update from the gradients of the last backward pass. */
    public void step() {
        for (Map.Entry<String, NDArray> p : params.entrySet()) {
            String name = p.getKey();
            NDArray w = p.getValue();
            if (frozen.containsKey(name)) {
                stepMasked(name, w);
                continue;
            }
            try (NDArray g = w.getGradient()) {
                if (weightDecay != 0f) {
                    try (NDArray decay = w.mul(weightDecay)) {
                        g.addi(decay);
                    }
                }
                NDArray mt = m.computeIfAbsent(name, k -> manager.zeros(w.getShape()));
                NDArray vt = v.computeIfAbsent(name, k -> manager.zeros(w.getShape()));
                int t = steps.merge(name, 1, Integer::sum);
                mt.muli((float) beta1);
                try (NDArray a = g.mul((float) (1 - beta1))) {
                    mt.addi(a);
                }
                vt.muli((float) beta2);
                try (NDArray sq = g.square()) {
                    sq.muli((float) (1 - beta2));
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

    /**
     * The update with frozen rows: with mask 1 on trainable rows and 0 on frozen ones,
     * m += mask·(1−β1)(g − m), v += mask·(1−β2)(g² − v), w −= mask·update, so frozen rows keep
     * their values and moments exactly.
     */
    private void stepMasked(String name, NDArray w) {
        long rows = w.getShape().get(0);
        float[] keep = new float[(int) rows];
        java.util.Arrays.fill(keep, 1f);
        frozen.get(name).forEach(r -> keep[r] = 0f);
        long[] maskShape = new long[w.getShape().dimension()];
        java.util.Arrays.fill(maskShape, 1);
        maskShape[0] = rows;
        try (NDManager scope = manager.newSubManager()) {
            NDArray mask = scope.create(keep, new Shape(maskShape));
            NDArray g = w.getGradient();
            g.attach(scope);
            if (weightDecay != 0f) {
                g.addi(w.mul(weightDecay));
            }
            NDArray mt = m.computeIfAbsent(name, k -> manager.zeros(w.getShape()));
            NDArray vt = v.computeIfAbsent(name, k -> manager.zeros(w.getShape()));
            int t = steps.merge(name, 1, Integer::sum);
            mt.addi(g.sub(mt).mul((float) (1 - beta1)).mul(mask));
            vt.addi(g.square().sub(vt).mul((float) (1 - beta2)).mul(mask));
            double bc1 = 1 - Math.pow(beta1, t);
            double bc2 = 1 - Math.pow(beta2, t);
            NDArray denom = vt.sqrt().div((float) Math.sqrt(bc2)).add(eps);
            w.subi(mt.div(denom).mul((float) (lr / bc1)).mul(mask));
        }
    }

    @Override
    public Map<String, NDArray> stateTensors() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put("m/" + k, a));
        v.forEach((k, a) -> out.put("v/" + k, a));
        return out;
    }

    /**
     * {@return the learning rate, as constructed or restored with a saved state}
     *
     * @since 0.2
     */
    public float lr() {
        return lr;
    }

    /** The shortest decimal that reads back as {@code f}: what a user wrote (0.999 for 0.999f). */
    private static double decimal(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    @Override
    public Map<String, Double> stateScalars() {
        Map<String, Double> out = new LinkedHashMap<>();
        steps.forEach((k, s) -> out.put("step/" + k, (double) s));
        // the hyper-parameters travel with the state: whoever restores it continues the same optimizer
        out.put("hyper/lr", (double) lr);
        out.put("hyper/beta1", beta1);
        out.put("hyper/beta2", beta2);
        out.put("hyper/eps", (double) eps);
        out.put("hyper/weight_decay", (double) weightDecay);
        frozen.forEach((k, rows) -> rows.forEach(r -> out.put("frozen/" + k + "/" + r, 1.0)));
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
            } else if (name.startsWith("hyper/")) {
                switch (name.substring(6)) {
                    case "lr" -> lr = s.floatValue();
                    case "beta1" -> beta1 = decimal(s.floatValue()); // older checkpoints hold the float's value
                    case "beta2" -> beta2 = decimal(s.floatValue());
                    case "eps" -> eps = s.floatValue();
                    case "weight_decay" -> weightDecay = s.floatValue();
                    default -> { }
                }
            } else if (name.startsWith("frozen/")) {
                int slash = name.lastIndexOf('/');
                freezeRows(name.substring(7, slash), Integer.parseInt(name.substring(slash + 1)));
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
