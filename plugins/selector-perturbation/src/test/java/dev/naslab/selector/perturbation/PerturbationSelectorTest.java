package dev.naslab.selector.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.AbstractSupernet;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.testkit.TestSelectionContext;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.base.Rng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DARTS-PT on a toy space whose "supernet accuracy" is 50 + Σ w·value over edges and ops, so
 * the drop from masking an op is its mixing weight times its value: the expected decisions can
 * be worked out by hand. Node 2 ← {0, 1}, node 3 ← {0, 1, 2}; nodes keep 2 inputs.
 */
class PerturbationSelectorTest {

    static final CellType CELL = new CellType("normal",
            List.of(new Edge(0, 2), new Edge(1, 2), new Edge(0, 3), new Edge(1, 3), new Edge(2, 3)),
            List.of("none", "a", "b"), 2);
    static final float[][] VALUE = {{0, 1, 3}, {0, 2, 1}, {0, 5, 4}, {0, 1, 2}, {0, 3, 3}};

    /** A supernet without weights; only its arch state matters here. */
    static final class ToySupernet extends AbstractSupernet {

        ToySupernet(NDManager m) {
            super(new ParamStore(m), new ArchState(List.of(CELL), m, new Rng(0), 0f));
        }

        @Override
        public NDArray forward(NDArray x, MixingWeights weights, boolean training) {
            return x;
        }
    }

    /** The kit's selection context over the weightless supernet, scored by {@link #score}. */
    static TestSelectionContext context(NDManager m, Path dir) {
        return new TestSelectionContext(new ToySupernet(m), null, 1, 0, dir, m).scoreWith(PerturbationSelectorTest::score);
    }

    /** Accuracy (50 + score) % and loss 10 - score over a million samples, score = Σ weight × VALUE. */
    static PassResult score(Supernet net) {
        try (NDManager pass = net.arch().alpha("normal").getManager().newSubManager()) {
            float[] w = net.arch().mixingWeights(pass).matrix("normal").toFloatArray();
            double score = 0;
            for (int e = 0; e < 5; e++) {
                for (int k = 0; k < 3; k++) {
                    score += w[e * 3 + k] * VALUE[e][k];
                }
            }
            long n = 1_000_000;
            return new PassResult(n * (10 - score), Math.round((50 + score) / 100 * n), n);
        }
    }

    static PerturbationSettings settings(String criterion, Map<String, List<Integer>> order) {
        return new PerturbationSettings(criterion, 0, false, null, null, null, null, order, null, null, null, null);
    }

    @Test
    void keepsStrongOpsThenDropsTheWeakestInputOfEachNode(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            TestSelectionContext ctx = context(m, dir);
            Architecture a = new PerturbationSelector().select(ctx, settings("loss", Map.of("normal",
                    List.of(4, 0, 3, 2, 1))));
            // e0 keeps b (3 > 1), e1 keeps a, e2 keeps a (5 > 4), e3 keeps b, e4 ties a/b -> first (a);
            // node 3 drops e3 (its removal costs 2, less than e2's 5 and e4's 3)
            assertEquals(List.of("b", "a", "a", Architecture.REMOVED, "a"), a.ops("normal"));
            List<String> lines = Files.readAllLines(dir.resolve("decisions.jsonl"));
            assertEquals(6, lines.size());
            assertTrue(lines.get(0).contains("\"edge\":4") && lines.get(0).contains("\"choice\":\"a\""), lines.get(0));
            assertTrue(lines.get(5).contains("\"kind\":\"topology\"") && lines.get(5).contains("\"dropped\":[3]"),
                    lines.get(5));
            // 'none' reuses the unmasked score: 5 op decisions x (1 unmasked + 2 masked) + 3 edge removals
            assertEquals(5 * 3 + 3, ctx.evaluations());
        }
    }

    @Test
    void anUnknownEdgeOrderIsRejected(@TempDir Path dir) {
        try (NDManager m = NDManager.newBaseManager()) {
            TestSelectionContext ctx = context(m, dir);
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new PerturbationSelector().select(ctx, settings("accuracy", Map.of("normal", List.of(0, 1)))));
            assertTrue(e.getMessage().contains("must list each of its 5 edges"), e.getMessage());
        }
    }
}
