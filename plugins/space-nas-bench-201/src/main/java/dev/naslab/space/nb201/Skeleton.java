package dev.naslab.space.nb201;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.nn.BatchNorm2d;
import dev.naslab.api.nn.Conv2d;
import dev.naslab.api.nn.Linear;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The macro skeleton shared by the supernet and the discrete networks: stem conv3×3-BN, three
 * stages of cells joined by {@link ResidualReduction}s, then BN-ReLU, global pooling and a
 * linear head. The cells themselves are supplied by a factory.
 */
final class Skeleton {

    /** Builds one cell of {@code channels} channels; {@code index} numbers cells across stages. */
    interface CellFactory<T> {
        T create(int index, int channels);
    }

    private final Conv2d stem;
    private final BatchNorm2d stemBn;
    private final List<Object> layers = new ArrayList<>();
    private final BatchNorm2d headBn;
    private final Linear classifier;
    /** C of the first stage, the fewest channels of any layer: it decides the input's memory layout. */
    private final int narrowest;

    <T> Skeleton(ParamStore ps, Nb201Settings s, int inChannels, int classes, Rng rng, CellFactory<T> cells) {
        int c = s.channels();
        narrowest = c;
        stem = new Conv2d(ps, "stem.conv", inChannels, c, 3, 1, 1, rng);
        stemBn = new BatchNorm2d(ps, "stem.bn", c, true);
        int index = 0;
        int width = c;
        for (int stage = 0; stage < 3; stage++) {
            if (stage > 0) {
                layers.add(new ResidualReduction(ps, "reduce" + stage, width, width * 2, rng));
                width *= 2;
            }
            for (int i = 0; i < s.cellsPerStage(); i++) {
                layers.add(cells.create(index++, width));
            }
        }
        headBn = new BatchNorm2d(ps, "head.bn", width, true);
        classifier = new Linear(ps, "classifier", width, classes, rng);
    }

    /** Runs the skeleton; {@code cell} applies one cell object to its input. */
    @SuppressWarnings("unchecked")
    <T> NDArray forward(NDArray x, boolean training, java.util.function.BiFunction<T, NDArray, NDArray> cell) {
        NDArray h = stemBn.forward(stem.forward(Ops.preferredLayout(x, narrowest)), training);
        for (Object layer : layers) {
            h = layer instanceof ResidualReduction r ? r.forward(h, training) : cell.apply((T) layer, h);
        }
        h = Ops.relu(headBn.forward(h, training));
        return classifier.forward(Ops.globalAvgPool(h));
    }
}
