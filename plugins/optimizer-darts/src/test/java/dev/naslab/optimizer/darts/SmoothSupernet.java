package dev.naslab.optimizer.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.AbstractSupernet;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;
import java.util.List;

/**
 * A supernet that is smooth everywhere (no ReLU, no BatchNorm): one edge mixing a linear map, a
 * tanh layer and a skip of 4 features, then a linear head to 3 classes. Finite differences of
 * its losses are reliable, which ReLU networks' are not at the scale of the unrolled step.
 */
final class SmoothSupernet extends AbstractSupernet {

    static final CellType CELL = new CellType("cell", List.of(new Edge(0, 1)),
            List.of("none", "linear", "tanh", "skip"), 0);

    private final NDArray w0;
    private final NDArray w1;
    private final NDArray head;

    SmoothSupernet(NDManager m, long seed) {
        this(m, new Rng(seed));
    }

    private SmoothSupernet(NDManager m, Rng rng) {
        super(new ParamStore(m), new ArchState(List.of(CELL), m, new Rng(rng.nextLong()), 0.3f));
        ParamStore ps = params();
        w0 = ps.weight("w0", new Shape(4, 4), gaussian(rng, 16, 0.5));
        w1 = ps.weight("w1", new Shape(4, 4), gaussian(rng, 16, 0.5));
        head = ps.weight("head", new Shape(4, 3), gaussian(rng, 12, 0.5));
    }

    static float[] gaussian(Rng rng, int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (std * rng.nextGaussian());
        }
        return v;
    }

    @Override
    public NDArray forward(NDArray x, MixingWeights w, boolean training) {
        NDArray h = w.weigh("cell", 0, 1, x.matMul(w0));
        h = h.add(w.weigh("cell", 0, 2, x.matMul(w1).tanh()));
        h = h.add(w.weigh("cell", 0, 3, x));
        return h.matMul(head);
    }
}
