package dev.naslab.testkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.AbstractSupernet;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.nn.Conv2d;
import dev.naslab.api.nn.Linear;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.nn.ReluConvBn;
import dev.naslab.api.base.Rng;
import java.util.List;

/**
 * A tiny convolutional supernet: a 3×3 stem to {@code channels} maps, one cell of three nodes and
 * three edges (0→1, 0→2, 1→2, NAS-Bench-201 style: every edge kept), each mixing {@code none},
 * {@code skip_connect}, {@code conv_3x3} (ReLU, convolution, BatchNorm) and {@code avg_pool_3x3},
 * then global average pooling and a linear classifier. Real enough for optimizers and selectors to
 * train and score, small enough for unit tests.
 */
public final class ToySupernet extends AbstractSupernet {

    /** The cell type: name {@code cell}, three edges, four candidate ops. */
    public static final CellType CELL = new CellType("cell", List.of(new Edge(0, 1), new Edge(0, 2), new Edge(1, 2)),
            List.of("none", "skip_connect", "conv_3x3", "avg_pool_3x3"), 0);

    private final Conv2d stem;
    private final ReluConvBn[] convs = new ReluConvBn[3];
    private final Linear classifier;

    /**
     * A supernet for inputs of {@code input} with {@code classes} classes.
     *
     * @param input    image shape
     * @param classes  number of classes
     * @param channels feature maps inside the cell
     * @param seed     seed of the weights and α
     * @param manager  where its arrays live
     */
    public ToySupernet(InputShape input, int classes, int channels, long seed, NDManager manager) {
        this(input, classes, channels, new Rng(seed), manager);
    }

    private ToySupernet(InputShape input, int classes, int channels, Rng rng, NDManager manager) {
        super(new ParamStore(manager), new ArchState(List.of(CELL), manager, new Rng(rng.nextLong()), 1e-3f));
        stem = new Conv2d(params(), "stem", input.channels(), channels, 3, 1, 1, rng);
        for (int e = 0; e < 3; e++) {
            convs[e] = new ReluConvBn(params(), "edge" + e + ".conv", channels, channels, 3, 1, 1, true, rng);
        }
        classifier = new Linear(params(), "classifier", channels, classes, rng);
    }

    @Override
    public NDArray forward(NDArray x, MixingWeights w, boolean training) {
        NDArray s0 = stem.forward(x);
        NDArray s1 = edge(0, s0, w, training);
        NDArray s2 = edge(1, s0, w, training).add(edge(2, s1, w, training));
        return classifier.forward(Ops.globalAvgPool(s2));
    }

    /** One edge: the weighted sum of its active ops ({@code none} contributes exactly zero and is skipped), plus the hard mode's straight-through term. */
    private NDArray edge(int e, NDArray in, MixingWeights w, boolean training) {
        NDArray out = in.zerosLike();
        if (w.active("cell", e, 1)) {
            out = out.add(w.weigh("cell", e, 1, in));
        }
        if (w.active("cell", e, 2)) {
            out = out.add(w.weigh("cell", e, 2, convs[e].forward(in, training)));
        }
        if (w.active("cell", e, 3)) {
            out = out.add(w.weigh("cell", e, 3, Ops.avgPool3x3(in, 1, params())));
        }
        NDArray straight = w.straightThrough("cell", e);
        return straight == null ? out : out.add(straight);
    }
}
