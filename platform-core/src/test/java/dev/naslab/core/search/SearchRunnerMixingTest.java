package dev.naslab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.data.Batch;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.ArchMixing;
import dev.naslab.api.model.ArchParameter;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.train.Passes;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Sgd;
import dev.naslab.core.UserException;
import dev.naslab.core.config.Mappers;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.ToySupernet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host mixes the optimizer's way in every pass it runs itself: the end-of-search
 * {@code supernet_valid_acc} is measured with the optimizer's evaluation mixing, the checkpoint
 * records the mixing and its extra parameters, and a supernet with another mixing refuses it.
 */
class SearchRunnerMixingTest {

    private static final InputShape SHAPE = new InputShape(1, 8, 8);

    /** Every edge computes its skip connection only (hard, value 1), with a per-edge β beside α. */
    static final ArchMixing SKIP_ONLY = new ArchMixing() {
        @Override
        public String id() {
            return "test-skip-only";
        }

        @Override
        public MixingWeights evaluation(ArchState arch, NDManager pass) {
            Map<String, int[]> chosen = new LinkedHashMap<>();
            chosen.put("cell", new int[] {1, 1, 1});
            return arch.hardWeightsFrom(pass, (cell, alpha) -> alpha.softmax(-1), chosen);
        }

        @Override
        public List<ArchParameter> parameters(List<CellType> cellTypes) {
            return List.of(new ArchParameter("beta/cell", new long[] {3}, 1e-3f));
        }
    };

    /** Weight steps only, with the host's (evaluation) mixing. */
    static final class WeightsOnly implements SearchOptimizer<WeightsOnly.Settings> {
        record Settings() {
        }

        @Override
        public String id() {
            return "weights-only";
        }

        @Override
        public Class<Settings> settingsClass() {
            return Settings.class;
        }

        @Override
        public SearchSchedule schedule(Settings s) {
            return new SearchSchedule(2, 16);
        }

        @Override
        public ArchMixing mixing(Settings settings) {
            return SKIP_ONLY;
        }

        @Override
        public void begin(SearchState state, Settings s) {
            state.register("w", new Sgd(state.supernet().params().weights(), 0.9f, 0f, state.manager()));
        }

        @Override
        public void step(SearchState state, Settings s, Batch train, Batch valid) {
            BilevelSteps.weightStep(state.supernet(), state.registered("w", Sgd.class), 0.05f, 5f, train, false);
        }
    }

    @Test
    void supernetValidAccuracyIsMeasuredWithTheOptimizersMixingAndTheCheckpointSaysWhich(@TempDir Path dir)
            throws Exception {
        DataSplits data = TestData.splits(SHAPE, 3, 64, 5);
        WeightsOnly opt = new WeightsOnly();
        SearchRunner.Outcome outcome;
        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(SHAPE, 3, 4, 1, m)) {
            net.arch().use(opt.mixing(new WeightsOnly.Settings()), new Rng(2));
            outcome = new SearchRunner(dir, dev.naslab.api.base.Progress.NONE, Object::toString).checkpointingEvery(1)
                    .run(opt, new WeightsOnly.Settings(), net, data, 3, m);
        }
        List<String> lines = Files.readAllLines(dir.resolve("metrics.jsonl"));
        JsonNode last = Mappers.JSON.readTree(lines.get(lines.size() - 1));
        JsonNode state = Mappers.JSON.readTree(outcome.checkpoint().resolve("state.json").toFile());
        assertEquals("test-skip-only", state.get("mixing").asText());
        assertEquals(3, last.get("arch_parameters").get("beta/cell").size(), "β is logged per epoch");

        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(SHAPE, 3, 4, 99, m)) {
            net.arch().use(SKIP_ONLY, new Rng(7));
            SupernetCheckpoint.load(outcome.checkpoint(), net);
            // recomputed independently of the runner on the loaded weights: the skip-only mixing's numbers
            var skipOnly = Passes.evaluate(net, data.valid(), 16, true, m);
            assertEquals(skipOnly.loss(), last.get("supernet_valid_loss").asDouble(), 1e-6);
            assertEquals(skipOnly.accuracy(), last.get("supernet_valid_acc").asDouble(), 1e-9);
            assertEquals(outcome.validAccuracy(), skipOnly.accuracy(), 1e-9);
            // the same weights mixed by softmax(α) give another loss: falling back to softmax would show
            net.arch().use(ArchMixing.SOFTMAX, new Rng(7));
            var softmax = Passes.evaluate(net, data.valid(), 16, true, m);
            assertNotEquals(skipOnly.loss(), softmax.loss(), 1e-4);
        }

        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(SHAPE, 3, 4, 1, m)) {
            UserException e = assertThrows(UserException.class, () -> SupernetCheckpoint.load(outcome.checkpoint(), net));
            assertTrue(e.getMessage().contains("trained with the 'test-skip-only' mixing, but this trial's optimizer "
                    + "mixes with 'softmax'"), e.getMessage());
        }
    }

    @Test
    void extraParametersAreRestoredFromTheCheckpoint(@TempDir Path dir) throws Exception {
        DataSplits data = TestData.splits(SHAPE, 3, 32, 5);
        WeightsOnly opt = new WeightsOnly();
        float[] saved;
        Path checkpoint;
        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(SHAPE, 3, 4, 1, m)) {
            net.arch().use(SKIP_ONLY, new Rng(2));
            saved = net.arch().parameter("beta/cell").toFloatArray();
            checkpoint = new SearchRunner(dir, dev.naslab.api.base.Progress.NONE, Object::toString).checkpointingEvery(1)
                    .run(opt, new WeightsOnly.Settings(), net, data, 3, m).checkpoint();
        }
        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(SHAPE, 3, 4, 1, m)) {
            net.arch().use(SKIP_ONLY, new Rng(8));
            assertNotEquals(saved[0], net.arch().parameter("beta/cell").toFloatArray()[0], "another draw");
            SupernetCheckpoint.load(checkpoint, net);
            org.junit.jupiter.api.Assertions.assertArrayEquals(saved, net.arch().parameter("beta/cell").toFloatArray());
        }
    }
}
