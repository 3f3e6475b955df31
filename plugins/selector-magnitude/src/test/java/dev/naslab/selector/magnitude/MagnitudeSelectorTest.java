package dev.naslab.selector.magnitude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.base.Progress;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.select.SelectionContext;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Stateful;
import dev.naslab.space.nb201.Nb201Settings;
import dev.naslab.space.nb201.Nb201Space;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagnitudeSelectorTest {

    @Test
    void argmaxPerEdgeWithNoneAndDecisionsHonoured(@TempDir Path dir) throws Exception {
        Nb201Space space = new Nb201Space();
        Nb201Settings s = new Nb201Settings(2, 1);
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = space.supernet(s, new InputShape(1, 8, 8), 3, new Rng(0), m)) {
            // α rows: edge 0 prefers none (index 0), edge 1 nor_conv_3x3, others skip_connect
            float[] a = new float[30];
            for (int e = 0; e < 6; e++) {
                a[e * 5 + 1] = 0.5f;
            }
            a[0] = 2f;
            a[5 + 3] = 1f;
            net.arch().alpha("cell").set(java.nio.FloatBuffer.wrap(a));
            net.arch().fixOp("cell", 5, 4); // a decided edge keeps its op, whatever α says
            SelectionContext ctx = new SelectionContext() {
                public Supernet supernet() { return net; }
                public DataSplits data() { return null; }
                public int batchSize() { return 1; }
                public NDManager manager() { return m; }
                public long seed() { return 0; }
                public Rng rng() { return new Rng(0); }
                public Path workDir() { return dir; }
                public Progress progress() { return Progress.NONE; }
                public PassResult evaluateValid() { throw new AssertionError("magnitude needs no evaluation"); }
                public PassResult evaluateValid(dev.naslab.api.select.ScoreData d) { throw new AssertionError("no evaluation"); }
                public boolean restoreSearchState(String name, Stateful target) { return false; }
                public void saveProgress(Map<String, Stateful> extra, Map<String, Double> counters) { }
                public Optional<Map<String, Double>> restoreProgress(Map<String, Stateful> extra) { return Optional.empty(); }
                public String format(Architecture x) { return space.format(x, s); }
                public Network network(Architecture x, Rng r, NDManager mm) {
                    throw new AssertionError("magnitude builds no network");
                }
            };
            Architecture chosen = new MagnitudeSelector().select(ctx, new MagnitudeSettings());
            assertEquals("|none~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|skip_connect~1|avg_pool_3x3~2|",
                    space.format(chosen, s));
            assertTrue(Files.readString(dir.resolve("decisions.jsonl")).contains("\"rule\":\"argmax softmax(alpha)\""));
        }
    }
}
