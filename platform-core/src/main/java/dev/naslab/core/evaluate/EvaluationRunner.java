package dev.naslab.core.evaluate;

import dev.naslab.core.results.RunLayout;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.Evaluator;
import dev.naslab.api.base.Progress;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.eval.Evaluation;
import dev.naslab.api.eval.EvaluationContext;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Stateful;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.search.SupernetCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation stage for one (architecture, evaluator): writes {@code eval-<label>/result.json};
 * an evaluator that saves progress through its context resumes from {@code eval-<label>/progress/}.
 */
public final class EvaluationRunner {

    /** The folder, inside {@code eval-<label>/}, of an unfinished evaluation's newest snapshot. */
    static final String PROGRESS = "progress";

    /** A network factory of the trial's space. */
    public interface NetworkFactory {
        Network build(Architecture a, Rng rng, NDManager m);
    }

    /**
     * An evaluation and its duration.
     *
     * @param evaluation the evaluator's numbers
     * @param seconds    evaluation time
     */
    public record Evaluated(Evaluation evaluation, double seconds) {
    }

    public <S extends Record> Evaluated run(Evaluator<S> evaluator, S settings, String label, Architecture a,
            NetworkFactory factory, DataSplits data, long seed, Path selectDir, Progress progress, NDManager root)
            throws IOException {
        Path dir = selectDir.resolve(RunLayout.EVAL_PREFIX + label);
        Path done = dir.resolve(RunLayout.RESULT);
        if (Files.isRegularFile(done)) {
            JsonNode n = Mappers.JSON.readTree(done.toFile());
            Map<String, Double> metrics = new HashMap<>();
            n.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            return new Evaluated(new Evaluation(n.get("test_acc").asDouble(), n.get("test_loss").asDouble(),
                    n.get("parameters").asLong(), metrics), n.get("eval_seconds").asDouble());
        }
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        double[] previous = {0}; // seconds spent by earlier, interrupted runs of this evaluation
        EvaluationContext ctx = new EvaluationContext() {
            @Override
            public DataSplits data() {
                return data;
            }

            @Override
            public Network network(Architecture architecture, Rng rng, NDManager manager) {
                return factory.build(architecture, rng, manager);
            }

            @Override
            public long seed() {
                return seed;
            }

            @Override
            public NDManager manager() {
                return root;
            }

            @Override
            public Path workDir() {
                return dir;
            }

            @Override
            public Progress progress() {
                return progress;
            }

            @Override
            public void saveProgress(Network network, Map<String, Stateful> extra, Map<String, Rng> generators,
                    Map<String, Double> counters) {
                ObjectNode meta = Mappers.JSON.createObjectNode();
                counters.forEach(meta.putObject("counters")::put);
                ObjectNode rngs = meta.putObject("generators");
                generators.forEach((k, g) -> rngs.put(k, g.state()));
                meta.put("seconds", previous[0] + (System.nanoTime() - t0) / 1e9);
                try {
                    SupernetCheckpoint.saveNetwork(dir.resolve(PROGRESS), network, extra, meta);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot save evaluation progress in " + dir + ": " + e.getMessage(), e);
                }
            }

            @Override
            public Optional<Map<String, Double>> restoreProgress(Network network, Map<String, Stateful> extra,
                    Map<String, Rng> generators) {
                Path p = dir.resolve(PROGRESS);
                if (!SupernetCheckpoint.complete(p)) {
                    return Optional.empty();
                }
                Optional<String> damage = SupernetCheckpoint.damage(p);
                if (damage.isPresent()) {
                    System.err.println("naslab: warning: " + p + " is damaged (" + damage.get()
                            + "); the evaluation starts over");
                    return Optional.empty();
                }
                try {
                    SupernetCheckpoint.Loaded loaded = SupernetCheckpoint.loadNetwork(p, network);
                    extra.forEach(loaded::restore);
                    generators.forEach((k, g) -> g.setState(loaded.meta().path("generators").path(k).asLong(g.state())));
                    previous[0] = loaded.meta().path("seconds").asDouble();
                    Map<String, Double> counters = new HashMap<>();
                    loaded.meta().path("counters").fields()
                            .forEachRemaining(e -> counters.put(e.getKey(), e.getValue().asDouble()));
                    return Optional.of(counters);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot resume the evaluation from " + p + ": " + e.getMessage(), e);
                }
            }
        };
        Evaluation ev = evaluator.evaluate(a, ctx, settings);
        double seconds = previous[0] + (System.nanoTime() - t0) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("evaluator", evaluator.id());
        out.put("test_acc", ev.testAccuracy());
        out.put("test_loss", ev.testLoss());
        out.put("parameters", ev.parameters());
        out.put("metrics", ev.metrics());
        out.put("eval_seconds", seconds);
        AtomicFiles.writeJson(done, out);
        return new Evaluated(ev, seconds);
    }
}
