package dev.naslab.core.evaluate;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.naslab.api.Evaluator;
import dev.naslab.api.Progress;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.eval.Evaluation;
import dev.naslab.api.eval.EvaluationContext;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.train.Rng;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.results.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The evaluation stage for one (architecture, evaluator): writes {@code eval-<label>/result.json}. */
public final class EvaluationRunner {

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
        Path dir = selectDir.resolve("eval-" + label);
        Path done = dir.resolve("result.json");
        if (Files.isRegularFile(done)) {
            JsonNode n = Mappers.JSON.readTree(done.toFile());
            Map<String, Double> metrics = new HashMap<>();
            n.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            return new Evaluated(new Evaluation(n.get("test_acc").asDouble(), n.get("test_loss").asDouble(),
                    n.get("parameters").asLong(), metrics), n.get("eval_seconds").asDouble());
        }
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
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
        };
        Evaluation ev = evaluator.evaluate(a, ctx, settings);
        double seconds = (System.nanoTime() - t0) / 1e9;
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
