package dev.naslab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.base.Progress;
import dev.naslab.api.base.Rng;
import dev.naslab.api.data.Batch;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.train.Passes;
import dev.naslab.api.train.Sgd;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.stop.EarlyStopper;
import dev.naslab.core.stop.EpochRecord;
import dev.naslab.core.stop.StopDecision;
import dev.naslab.core.stop.StopEvent;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.ToySupernet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner carries out a stopper's decisions: a stop returns the rolled-back epoch's supernet, a
 * DARTS-ADA roll-back restarts from it with the weight decay raised and sets the undone epochs aside,
 * and a search killed at any of those points resumes to the same result.
 */
class EarlyStoppingRunTest {

    private static final InputShape SHAPE = new InputShape(1, 8, 8);

    /** A rule that decides by epoch: {@code script.get(epoch)} on the first iteration, then goes on. */
    record Scripted(Map<Integer, StopDecision> script) implements EarlyStopper {
        @Override
        public String rule() {
            return "scripted";
        }

        @Override
        public StopDecision decide(List<EpochRecord> history, int epochs, List<StopEvent> events) {
            if (!events.isEmpty()) {
                return new StopDecision.Continue();
            }
            return script.getOrDefault(history.get(history.size() - 1).epoch(), new StopDecision.Continue());
        }

        @Override
        public boolean mayReturn(int epoch) {
            return epoch % 2 == 0;
        }

        @Override
        public int reach() {
            return 2;
        }

        @Override
        public Map<String, Object> resolved() {
            return Map.of("rule", rule());
        }
    }

    /** Weight steps only, SGD with the settings' weight decay, which it logs every step. */
    static final class Decaying implements SearchOptimizer<Decaying.Settings> {
        record Settings(double weightDecay) {
        }

        @Override
        public String id() {
            return "decaying";
        }

        @Override
        public Class<Settings> settingsClass() {
            return Settings.class;
        }

        @Override
        public SearchSchedule schedule(Settings s) {
            return new SearchSchedule(6, 16);
        }

        @Override
        public void begin(SearchState state, Settings s) {
            state.register("w", new Sgd(state.supernet().params().weights(), 0.9f, (float) s.weightDecay(),
                    state.manager()));
        }

        @Override
        public void step(SearchState state, Settings s, Batch train, Batch valid) {
            BilevelSteps.weightStep(state.supernet(), state.registered("w", Sgd.class), 0.05f, 5f, train, false);
            state.record("weight_decay", s.weightDecay());
        }
    }

    private static final Decaying.Settings BASE = new Decaying.Settings(0.1);
    private static final DoubleFunction<Record> REWEIGH = f -> new Decaying.Settings(0.1 * f);

    private static SearchRunner.Outcome search(Path dir, EarlyStopper stopper, DoubleFunction<Record> reweigh)
            throws Exception {
        DataSplits data = TestData.splits(SHAPE, 10, 64, 5);
        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(SHAPE, 10, 4, 1, m)) {
            return new SearchRunner(dir, Progress.NONE, Object::toString).stoppingEarly(stopper, reweigh)
                    .run(new Decaying(), BASE, net, data, 3, m);
        }
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file);
    }

    /** The metrics lines without their times, which differ from run to run. */
    private static List<JsonNode> untimed(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines(file)) {
            ObjectNode n = (ObjectNode) Mappers.JSON.readTree(l);
            n.remove("seconds");
            out.add(n);
        }
        return out;
    }

    @Test
    void aStopReturnsTheEarlierEpochsSupernetAndAResumedSearchDecidesTheSame(@TempDir Path dir) throws Exception {
        Scripted stopAt4 = new Scripted(Map.of(4, new StopDecision.Stop(2, "because")));
        Path a = dir.resolve("a");
        SearchRunner.Outcome outcome = search(a, stopAt4, REWEIGH);
        assertEquals(a.resolve("checkpoint-0002"), outcome.checkpoint());
        assertEquals("scripted stopped the search after epoch 4 and returned epoch 2's supernet: because", outcome.stop());
        assertEquals(4, lines(a.resolve("metrics.jsonl")).size(), "no epoch after the stop");
        List<String> stops = lines(a.resolve("stops.jsonl"));
        assertEquals(1, stops.size());
        assertEquals(untimed(a.resolve("metrics.jsonl")).get(1).get("architecture"),
                Mappers.JSON.readTree(stops.get(0)).get("architecture"), "the stop names epoch 2's derived architecture");

        // the returned accuracy is epoch 2's supernet's, recomputed independently of the runner
        DataSplits data = TestData.splits(SHAPE, 10, 64, 5);
        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(SHAPE, 10, 4, 99, m)) {
            SupernetCheckpoint.load(outcome.checkpoint(), net);
            assertEquals(Passes.evaluate(net, data.valid(), 16, true, m).accuracy(), outcome.validAccuracy(), 1e-9);
        }

        // run again: the recorded stop is the result, nothing trains
        SearchRunner.Outcome again = search(a, stopAt4, REWEIGH);
        assertEquals(outcome, again);
        assertEquals(4, lines(a.resolve("metrics.jsonl")).size());

        // killed after epoch 4's checkpoint, before the stop was recorded: the resume decides and ends the same
        Path b = dir.resolve("b");
        search(b, stopAt4, REWEIGH);
        List<String> recorded = lines(b.resolve("stops.jsonl"));
        Files.delete(b.resolve("stops.jsonl"));
        SearchRunner.Outcome resumed = search(b, stopAt4, REWEIGH);
        assertEquals(b.resolve("checkpoint-0002"), resumed.checkpoint());
        assertEquals(outcome.validAccuracy(), resumed.validAccuracy(), 1e-12);
        assertEquals(recorded, lines(b.resolve("stops.jsonl")), "the same stop, time included (from epoch 4's checkpoint)");
    }

    @Test
    void aRollBackRestartsFromItsEpochWithTheRaisedWeightDecayAndSetsTheUndoneEpochsAside(@TempDir Path dir)
            throws Exception {
        Scripted adaptAt4 = new Scripted(Map.of(4, new StopDecision.Adapt(2, 3, "rising")));
        Path a = dir.resolve("a");
        SearchRunner.Outcome outcome = search(a, adaptAt4, REWEIGH);
        assertEquals(a.resolve("checkpoint-0006"), outcome.checkpoint());
        assertEquals("scripted rolled the search back from epoch 4 to 2 with weight decay x3: rising", outcome.stop());

        List<JsonNode> metrics = untimed(a.resolve("metrics.jsonl"));
        assertEquals(6, metrics.size());
        for (JsonNode l : metrics) {
            int epoch = l.get("epoch").asInt();
            assertEquals(epoch, metrics.indexOf(l) + 1);
            assertEquals(epoch <= 2 ? 0.1 : 0.3, l.get("weight_decay").asDouble(), 1e-12, "epoch " + epoch);
            assertEquals(epoch <= 2 ? 0 : 1, l.path("iteration").asInt(0));
        }
        List<JsonNode> undone = untimed(a.resolve("superseded-1/metrics.jsonl"));
        assertEquals(List.of(3, 4), undone.stream().map(l -> l.get("epoch").asInt()).toList());
        assertEquals(0.1, undone.get(0).get("weight_decay").asDouble(), 1e-12);
        assertTrue(Files.isDirectory(a.resolve("superseded-1/checkpoint-0004")));
        assertEquals(1, Mappers.JSON.readTree(a.resolve("checkpoint-0004/state.json").toFile()).path("iteration").asInt(),
                "epoch 4's checkpoint is the new iteration's");
        JsonNode last = Mappers.JSON.readTree(outcome.checkpoint().resolve("state.json").toFile());
        assertEquals(1, last.get("iteration").asInt());

        // killed right after the roll-back was recorded and set aside: the resume ends exactly the same
        Path b = dir.resolve("b");
        DoubleFunction<Record> dies = f -> {
            throw new IllegalStateException("killed");
        };
        assertThrows(IllegalStateException.class, () -> search(b, adaptAt4, dies));
        SearchRunner.Outcome resumed = search(b, adaptAt4, REWEIGH);
        assertEquals(b.resolve("checkpoint-0006"), resumed.checkpoint());
        assertEquals(outcome.validAccuracy(), resumed.validAccuracy(), 1e-12);
        assertEquals(metrics, untimed(b.resolve("metrics.jsonl")));
        assertEquals(undone, untimed(b.resolve("superseded-1/metrics.jsonl")));
    }

    @Test
    void checkpointsKeptOnlyForARollBackAreRemovedOnceOutOfReach(@TempDir Path dir) throws Exception {
        search(dir, new Scripted(Map.of()), REWEIGH);
        // kept at even epochs, reach 2: after epoch 6 (the last, always kept) only 4 and 6 remain
        assertEquals(List.of("checkpoint-0004", "checkpoint-0006"), dev.naslab.core.results.RunLayout.checkpoints(dir)
                .stream().map(p -> p.getFileName().toString()).toList());
        assertFalse(Files.exists(dir.resolve("stops.jsonl")));
    }
}
