package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The presets in configs/paper/ carry the reference implementations' hyper-parameters. The expected
 * values here are transcribed from the papers' code as summarised in the specs
 * ({@code darts-pt.md} §1.5–1.7 and §5.1; {@code spaces-and-optimizers.md} §A.7, §C.3, §D.4, §E.4;
 * the NAS-Bench-201 training recipe), not from the presets, so an edit that drifts from the
 * reference fails here. ShippedConfigsTest checks that each preset validates.
 */
class PaperPresetsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** DARTS C.3 / darts-pt §5.1: the bilevel search recipe shared by DARTS, SDARTS and SGAS. */
    private static final Map<String, Object> SEARCH = Map.ofEntries(Map.entry("search.batch_size", 64),
            Map.entry("search.lr", 0.025), Map.entry("search.lr_min", 0.001), Map.entry("search.momentum", 0.9),
            Map.entry("search.weight_decay", 3e-4), Map.entry("search.grad_clip", 5.0),
            Map.entry("search.arch_lr", 3e-4), Map.entry("search.arch_beta1", 0.5),
            Map.entry("search.arch_beta2", 0.999), Map.entry("search.arch_weight_decay", 1e-3),
            Map.entry("search.order", "first"), Map.entry("dataset.train_portion", 0.5),
            Map.entry("dataset.crop_padding", 4), Map.entry("dataset.flip", true));

    /** darts-pt §1.5/§1.7: progressive tuning between decisions. */
    private static final Map<String, Object> PT = Map.of("selection.0.use", "perturbation",
            "selection.0.criterion", "accuracy", "selection.0.tune_epochs", 5, "selection.0.momentum", 0.9,
            "selection.0.weight_decay", 3e-4, "selection.0.grad_clip", 5.0, "selection.0.score_data", "augmented");

    /** spaces-and-optimizers §A.7: the DARTS evaluation recipe on CIFAR-10. */
    private static final Map<String, Object> DARTS_EVAL = Map.ofEntries(Map.entry("space.channels", 16),
            Map.entry("space.layers", 8), Map.entry("space.eval_channels", 36), Map.entry("space.eval_layers", 20),
            Map.entry("evaluation.epochs", 600), Map.entry("evaluation.batch_size", 96),
            Map.entry("evaluation.lr", 0.025), Map.entry("evaluation.lr_min", 0.0),
            Map.entry("evaluation.momentum", 0.9), Map.entry("evaluation.weight_decay", 3e-4),
            Map.entry("evaluation.grad_clip", 5.0), Map.entry("evaluation.cutout", 16),
            Map.entry("evaluation.auxiliary_weight", 0.4), Map.entry("evaluation.drop_path", 0.2),
            Map.entry("dataset.use", "cifar10"));

    /** NAS-Bench-201's supernet and the benchmark's 200-epoch training recipe. */
    private static final Map<String, Object> NB201 = Map.of("space.use", "nas-bench-201", "space.channels", 16,
            "space.cells_per_stage", 5, "search.epochs", 100, "evaluation.epochs", 200,
            "evaluation.batch_size", 256, "evaluation.lr", 0.1, "evaluation.weight_decay", 5e-4);

    @Test
    void everyPresetCarriesTheReferenceHyperParameters() throws Exception {
        Map<String, List<Map<String, Object>>> expected = new LinkedHashMap<>();
        for (String d : List.of("cifar10", "cifar100")) {
            Map<String, Object> data = Map.of("dataset.use", d);
            expected.put("nb201-darts-" + d, List.of(SEARCH, NB201, data, Map.of("search.use", "darts",
                    "selection.0", "magnitude")));
            expected.put("nb201-darts-pt-" + d, List.of(SEARCH, NB201, data, PT, Map.of("search.use", "darts",
                    "selection.0.tune_alpha", true)));
            expected.put("nb201-darts-pt-fix-alpha-" + d, List.of(SEARCH, NB201, data, PT, Map.of("search.use", "darts",
                    "search.train_alpha", false, "selection.0.tune_alpha", false)));
        }
        Map<String, Object> darts = Map.of("search.use", "darts", "search.epochs", 50);
        Map<String, Object> sdarts = Map.of("search.use", "sdarts", "search.perturbation", "random",
                "search.epsilon", 0.3, "search.epochs", 50);
        Map<String, Object> sgas = Map.of("search.use", "sgas", "search.criterion", 1, "search.warmup_dec_epoch", 9,
                "search.decision_freq", 5, "search.history_size", 4, "search.batch_increase", 8);
        Map<String, Object> magnitude = Map.of("selection.0", "magnitude");
        expected.put("darts-space-darts", List.of(SEARCH, DARTS_EVAL, darts, magnitude, Map.of("space.ops", "darts")));
        expected.put("darts-space-darts-pt", List.of(SEARCH, DARTS_EVAL, darts, PT, Map.of("space.ops", "s5")));
        expected.put("darts-space-sdarts-rs", List.of(SEARCH, DARTS_EVAL, sdarts, magnitude, Map.of("space.ops", "s5")));
        expected.put("darts-space-sdarts-rs-pt", List.of(SEARCH, DARTS_EVAL, sdarts, PT, Map.of("space.ops", "s5",
                "selection.0.perturbation", "random", "selection.0.epsilon", 0.3)));
        expected.put("darts-space-sgas", List.of(SEARCH, DARTS_EVAL, sgas, magnitude, Map.of("space.ops", "darts")));
        expected.put("darts-space-sgas-pt", List.of(SEARCH, DARTS_EVAL, sgas, PT, Map.of("space.ops", "s5")));

        List<String> found;
        try (Stream<Path> s = Files.list(Cli.DIST.resolve("configs/paper"))) {
            found = s.map(p -> p.getFileName().toString().replace(".yaml", "")).sorted().toList();
        }
        assertEquals(expected.keySet().stream().sorted().toList(), found, "one preset per table row");
        List<String> wrong = new ArrayList<>();
        for (var e : expected.entrySet()) {
            JsonNode root = YAML.readTree(Cli.DIST.resolve("configs/paper/" + e.getKey() + ".yaml").toFile());
            assertEquals(e.getKey(), root.path("name").asText());
            for (Map<String, Object> group : e.getValue()) {
                group.forEach((key, value) -> {
                    JsonNode n = at(root, key);
                    Object actual = n.isNumber() && value instanceof Double ? (Object) n.asDouble()
                            : n.isInt() ? (Object) n.asInt() : n.isBoolean() ? (Object) n.asBoolean()
                                    : n.isTextual() ? n.asText() : n.toString();
                    if (!value.equals(actual)) {
                        wrong.add(e.getKey() + ": " + key + " = " + actual + ", reference " + value);
                    }
                });
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void theComparisonConfigUsesTheDartsRecipeForEveryRow() throws Exception {
        JsonNode root = YAML.readTree(Cli.DIST.resolve("configs/darts-space-comparison.yaml").toFile());
        assertEquals(3, root.path("seeds").size());
        assertEquals("DARTS_V2", root.path("architectures").path(0).asText());
        assertEquals(0.4, root.path("evaluation").path("auxiliary_weight").asDouble());
        assertEquals(0.2, root.path("evaluation").path("drop_path").asDouble());
        assertTrue(root.path("evaluation").path("cutout").asInt() > 0);
        List<String> optimizers = new ArrayList<>();
        root.path("search").forEach(s -> optimizers.add(s.path("use").asText() + ":" + s.path("label").asText()));
        assertEquals(List.of("darts:", "sdarts:sdarts-rs", "sgas:sgas-cri1"), optimizers);
    }

    /** A key path such as {@code selection.0.tune_epochs} (missing: a missing node). */
    private static JsonNode at(JsonNode root, String key) {
        JsonNode n = root;
        for (String part : key.split("\\.")) {
            n = part.matches("\\d+") ? n.path(Integer.parseInt(part)) : n.path(part);
        }
        return n;
    }
}
