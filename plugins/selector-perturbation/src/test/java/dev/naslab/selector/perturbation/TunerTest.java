package dev.naslab.selector.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.search.SearchStates;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.Sgd;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.TestSelectionContext;
import dev.naslab.testkit.ToySupernet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tuning follows the search: its lr / 10 for the weights, its α optimizer with its own settings. */
class TunerTest {

    private static PerturbationSettings settings(Double tuneLr) {
        return new PerturbationSettings(null, 1, true, tuneLr, null, null, null, Map.of(), null, null, null, null);
    }

    @Test
    void tuningUsesTheSearchsLearningRatesUnlessSet(@TempDir Path dir) {
        InputShape shape = new InputShape(1, 8, 8);
        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(shape, 2, 4, 1, m)) {
            Sgd weights = new Sgd(net.params().weights(), 0.9f, 3e-4f, m).withBaseLr(0.05f);
            Adam alpha = new Adam(net.arch().alphas(), 6e-4f, 0.5f, 0.999f, 1e-8f, 1e-3f, m);
            TestSelectionContext ctx = new TestSelectionContext(net, TestData.splits(shape, 2, 32, 0), 32, 0, dir, m)
                    .withSearchState(SearchStates.WEIGHT_OPTIMIZER, weights)
                    .withSearchState(SearchStates.ALPHA_OPTIMIZER, alpha);
            Tuner t = new Tuner(ctx, settings(null));
            assertEquals(0.005f, t.lr(), 1e-9f, "a tenth of the search's 0.05");
            assertEquals(6e-4f, t.alphaLr(), 1e-9f, "the search's α learning rate, not DARTS's 3e-4");
            assertEquals(0.001f, new Tuner(ctx, settings(0.001)).lr(), 1e-9f, "an explicit tune_lr wins");
        }
    }

    @Test
    void aSearchThatRecordedNothingGetsTheReferenceRate(@TempDir Path dir) {
        InputShape shape = new InputShape(1, 8, 8);
        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(shape, 2, 4, 1, m)) {
            TestSelectionContext ctx = new TestSelectionContext(net, TestData.splits(shape, 2, 32, 0), 32, 0, dir, m);
            Tuner t = new Tuner(ctx, settings(null));
            assertEquals(0.0025f, t.lr(), 1e-9f);
            assertEquals(3e-4f, t.alphaLr(), 1e-9f);
        }
    }
}
