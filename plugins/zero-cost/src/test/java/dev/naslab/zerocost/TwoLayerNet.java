package dev.naslab.zerocost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.base.Rng;
import dev.naslab.api.model.Network;
import dev.naslab.api.nn.Linear;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;

/**
 * x (N×1×1×2, flattened) → fc1 (2→2) → ReLU → fc2 (2→2), with weights set by hand: small enough that every proxy
 * can be computed with a pencil, which {@link ProxiesTest} does in plain double arithmetic.
 */
final class TwoLayerNet implements Network {

    static final double[][] W1 = {{0.5, -1.0}, {2.0, 0.25}};
    static final double[] B1 = {0.1, -0.3};
    static final double[][] W2 = {{1.5, -0.5}, {-2.0, 0.75}};
    static final double[] B2 = {0.2, -0.1};

    private final ParamStore ps;
    private final Linear fc1;
    private final Linear fc2;

    TwoLayerNet(NDManager m) {
        ps = new ParamStore(m);
        fc1 = new Linear(ps, "fc1", 2, 2, new Rng(1));
        fc2 = new Linear(ps, "fc2", 2, 2, new Rng(2));
        set("fc1.weight", W1[0][0], W1[0][1], W1[1][0], W1[1][1]);
        set("fc1.bias", B1);
        set("fc2.weight", W2[0][0], W2[0][1], W2[1][0], W2[1][1]);
        set("fc2.bias", B2);
    }

    private void set(String name, double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        ps.weights().get(name).set(f);
    }

    @Override
    public ParamStore params() {
        return ps;
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        return fc2.forward(Ops.relu(fc1.forward(x.reshape(x.getShape().get(0), -1))));
    }
}
