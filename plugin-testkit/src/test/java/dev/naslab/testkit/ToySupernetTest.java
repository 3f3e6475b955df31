package dev.naslab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Passes;
import dev.naslab.api.train.Sgd;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit's pieces work together: the toy supernet learns the test data, the context scores it. */
class ToySupernetTest {

    @Test
    void toySupernetLearnsTheTestData(@TempDir Path dir) {
        InputShape shape = new InputShape(1, 8, 8);
        DataSplits data = TestData.splits(shape, 2, 128, 7);
        try (NDManager m = NDManager.newBaseManager();
                ToySupernet net = new ToySupernet(shape, 2, 4, 1, m)) {
            TestSelectionContext ctx = new TestSelectionContext(net, data, 32, 0, dir, m);
            double before = ctx.evaluateValid().accuracy();
            Sgd sgd = new Sgd(net.params().weights(), 0.9f, 0f, m);
            for (int epoch = 0; epoch < 3; epoch++) {
                for (int b = 0; b < 4; b++) {
                    int[] idx = new int[32];
                    for (int i = 0; i < 32; i++) {
                        idx[i] = b * 32 + i;
                    }
                    try (NDManager step = m.newSubManager();
                            var batch = data.train().batch(idx, data.augmentation(), null, step)) {
                        dev.naslab.api.train.Grads.zero(net.params().weights().values());
                        Passes.backward(x -> net.forward(x, true), batch);
                        sgd.step(0.1f);
                    }
                }
            }
            PassResult after = ctx.evaluateValid();
            assertEquals(2, ctx.evaluations());
            assertTrue(after.accuracy() > 85 && after.accuracy() > before,
                    "two brightness classes are learnt: " + before + " -> " + after.accuracy());
        }
    }

    @Test
    void searchStateKeepsWhatTheOptimizerRecords() {
        try (NDManager m = NDManager.newBaseManager();
                ToySupernet net = new ToySupernet(new InputShape(1, 8, 8), 2, 4, 1, m)) {
            TestSearchState s = new TestSearchState(net, m).schedule(2, 5, 10);
            s.record("train_loss", 1.5);
            s.record("train_loss", 1.25);
            assertEquals(1.25, s.metrics().get("train_loss"));
            assertEquals(java.util.List.of(1.5, 1.25), s.history().get("train_loss"));
            assertEquals(2, s.epoch());
            assertEquals(12, net.arch().alpha("cell").size());
        }
    }
}
