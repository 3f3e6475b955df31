package dev.naslab.zerocost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.plan.Workload;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.TestSelectionContext;
import dev.naslab.testkit.ToySupernet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-Cost-PT on the testkit's toy supernet (1×8×8 images, 4 channels, 3 classes) scored by {@code flops}, whose
 * values follow by hand: the stem is 8·8·4·1·9 = 2,304 multiply-adds per image, each edge's convolution 8·8·4·4·9 =
 * 9,216, the classifier 4·3 = 12, pooling and skips none. Masking an edge's convolution is the only mask that lowers
 * the count, so every round keeps {@code conv_3x3} on every edge, all rounds agree on one candidate, and its discrete
 * network scores 2,304 + 3·9,216 + 12 = 29,964 per batch.
 */
class ZeroCostPtSelectorTest {

    private static final InputShape INPUT = new InputShape(1, 8, 8);

    @Test
    void keepsTheOpWhoseMaskingLowersTheProxyMostAndValidatesEachDistinctCandidateOnce(@TempDir Path dir)
            throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ToySupernet supernet = new ToySupernet(INPUT, 3, 4, 7, m);
            TestSelectionContext ctx = new TestSelectionContext(supernet, TestData.splits(INPUT, 3, 16, 1), 8, 0, dir, m)
                    .withNetworks((a, rng, mm) -> discrete(a, rng.nextLong(), mm));
            ZeroCostPtSettings s = new ZeroCostPtSettings("flops", 3, 2, null, "random", null);

            Architecture chosen = new ZeroCostPtSelector().select(ctx, s);

            assertEquals(Map.of("cell", List.of("conv_3x3", "conv_3x3", "conv_3x3")), chosen.cells());
            List<JsonNode> lines = lines(dir.resolve("decisions.jsonl"));
            List<JsonNode> ops = lines.stream().filter(l -> l.path("kind").asText().equals("op")).toList();
            assertEquals(9, ops.size(), "3 rounds × 3 edges");
            JsonNode first = ops.get(0).get("candidates");
            assertEquals("conv_3x3", first.get(2).get("op").asText());
            assertEquals(29_964 - 9_216, first.get(2).get("score_after_masking").asDouble());
            assertEquals(29_964, first.get(1).get("score_after_masking").asDouble(), "skip: nothing to subtract");
            List<JsonNode> validations = lines.stream().filter(l -> l.path("kind").asText().equals("validation")).toList();
            assertEquals(1, validations.size(), "the three rounds propose one distinct candidate");
            assertEquals(3, validations.get(0).get("rounds").size());
            assertEquals(2 * 29_964, validations.get(0).get("score").asDouble(), "2 batches");
            JsonNode choice = lines.get(lines.size() - 1);
            assertEquals("choice", choice.get("kind").asText());
            assertEquals(1, choice.get("distinct_candidates").asInt());
        }
    }

    @Test
    void aFinishedSelectionResumedReturnsTheSameChoiceWithoutScoringAgain(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ToySupernet supernet = new ToySupernet(INPUT, 3, 4, 7, m);
            TestSelectionContext ctx = new TestSelectionContext(supernet, TestData.splits(INPUT, 3, 16, 1), 8, 0, dir, m)
                    .withNetworks((a, rng, mm) -> discrete(a, rng.nextLong(), mm));
            ZeroCostPtSettings s = new ZeroCostPtSettings("flops", 2, 1, null, "order", null);
            Architecture first = new ZeroCostPtSelector().select(ctx, s);
            List<String> before = Files.readAllLines(dir.resolve("decisions.jsonl"));

            Architecture again = new ZeroCostPtSelector().select(ctx, s);

            assertEquals(first, again);
            assertEquals(before, Files.readAllLines(dir.resolve("decisions.jsonl")),
                    "the log ends as it did: the choice rewritten, nothing scored again");
            assertEquals(6, lines(dir.resolve("decisions.jsonl")).stream()
                    .filter(l -> l.path("kind").asText().equals("op")).count());
        }
    }

    @Test
    void itsWorkIsOnePassPerOpAndPerNodeInputARoundAndTheCandidatesBatches() {
        // the toy cell: 3 edges of none, skip, conv, pool: 3 masked passes and one unmasked per edge
        Workload toy = new ZeroCostPtSelector().workload(new ZeroCostPtSettings(null, 10, 100, null, null, null),
                List.of(ToySupernet.CELL)).orElseThrow();
        assertEquals(10 * 3 * 4, toy.supernetBatches());
        assertEquals(10 * 100, toy.networkBatches());
        assertEquals(0, toy.batchSize(), "the search's");
        // node 2 <- {0, 1} keeps both; node 3 <- {0, 1, 2} chooses 2 of 3: 5 edges x (2 + 1) + 3 inputs
        List<Edge> edges = List.of(new Edge(0, 2), new Edge(1, 2), new Edge(0, 3), new Edge(1, 3), new Edge(2, 3));
        Workload w = new ZeroCostPtSelector().workload(new ZeroCostPtSettings(null, 2, 5, 32, null, null),
                List.of(new CellType("normal", edges, List.of("none", "a", "b"), 2),
                        new CellType("reduce", edges, List.of("none", "a", "b"), 2))).orElseThrow();
        assertEquals(2 * 2 * (5 * 3 + 3), w.supernetBatches());
        assertEquals(2 * 5, w.networkBatches());
        assertEquals(32, w.batchSize());
    }

    /** The toy supernet with every edge fixed to the architecture's op: a discrete network of the same layers. */
    private static ToySupernet discrete(Architecture a, long seed, NDManager m) {
        ToySupernet net = new ToySupernet(INPUT, 3, 4, seed, m);
        List<String> ops = a.ops("cell");
        for (int e = 0; e < ops.size(); e++) {
            net.arch().fixOp("cell", e, ToySupernet.CELL.ops(e).indexOf(ops.get(e)));
        }
        return net;
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(file).stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(l, e);
            }
        }).toList();
    }
}
