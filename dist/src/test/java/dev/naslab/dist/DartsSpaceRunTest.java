package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code configs/darts-quick.yaml}, reduced, end to end through the launcher on both engines:
 * a DARTS-space search, magnitude and DARTS-PT (op decisions on both cell types with tuning in
 * between, then topology selection) on the same supernet, the DARTS evaluation recipe.
 */
class DartsSpaceRunTest {

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void dartsQuickRunsOnTheDartsSpace(String engine, @TempDir Path work) throws Exception {
        Path out = work.resolve("runs");
        // MXNet's CPU kernels run this space about 2.5x slower than PyTorch's: half the data keeps the same path
        // (one batch each of training and validation data) at half the time; parity is EngineParityRunTest's
        boolean mxnet = engine.equals("mxnet");
        Cli.Result r = Cli.run("run", "configs/darts-quick.yaml", "--set", "engine=" + engine,
                "--set", "search.epochs=1", "--set", "dataset.train_limit=" + (mxnet ? 96 : 192),
                "--set", "dataset.test_limit=" + (mxnet ? 64 : 128),
                "--set", "space.channels=2", "--set", "space.layers=3", "--set", "space.eval_channels=4",
                "--set", "space.eval_layers=3", "--set", "selection.1.tune_epochs=1", "--set", "evaluation.epochs=1",
                "--set", "output=" + out);
        assertEquals(0, r.code(), r.all());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, csv.size(), csv.toString());
        for (String row : csv.subList(1, 3)) {
            assertTrue(row.contains(",ok,"), row);
            assertTrue(row.contains("Genotype(normal=[("), row);
        }
        Path pt = out.resolve("darts.darts.s0/select-perturbation");
        List<String> decisions = Files.readAllLines(pt.resolve("decisions.jsonl"));
        // 14 op decisions and 3 topology decisions for each of the two cell types
        assertEquals(34, decisions.size(), decisions.toString());
        assertEquals(28, decisions.stream().filter(l -> l.contains("\"kind\":\"op\"")).count());
        assertEquals(6, decisions.stream().filter(l -> l.contains("\"kind\":\"topology\"")).count());
        assertTrue(decisions.get(0).contains("\"cell\":\"normal\"") && decisions.get(1).contains("\"cell\":\"reduce\""),
                "normal, then reduce in every round: " + decisions.get(0));
        var cells = new com.fasterxml.jackson.databind.ObjectMapper().readTree(pt.resolve("architecture.json").toFile())
                .get("cells");
        // every intermediate node keeps exactly 2 of its inputs: 8 of 14 edges per cell type, 2 into each node
        int[][] incoming = {{0, 1}, {2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12, 13}};
        for (String cell : List.of("normal", "reduce")) {
            for (int[] node : incoming) {
                int kept = 0;
                for (int e : node) {
                    kept += cells.get(cell).get(e).asText().equals("-") ? 0 : 1;
                }
                assertEquals(2, kept, cell + " " + cells);
            }
        }
    }

    /** S1 (per-edge pairs), S3 (with none) and S4 (noise) through search, both selectors and the recipe. */
    @org.junit.jupiter.api.Test
    void robustDartsSpacesRunEndToEnd(@TempDir Path work) throws Exception {
        Path cfg = work.resolve("rdarts.yaml");
        StringBuilder spaces = new StringBuilder();
        for (String ops : List.of("s1", "s3", "s4")) {
            spaces.append("  - {use: darts, label: ").append(ops).append(", ops: ").append(ops)
                    .append(", channels: 2, layers: 3, eval_channels: 4, eval_layers: 3}\n");
        }
        Files.writeString(cfg, "name: rdarts\nthreads: 2\nseeds: [0]\n"
                + "dataset: {use: fashion-mnist, path: sample, train_limit: 256, test_limit: 128}\n"
                + "space:\n" + spaces
                + "search: {use: darts, epochs: 1}\n"
                + "selection: [magnitude, {use: perturbation, tune_epochs: 0}]\n"
                + "evaluation: {use: train, epochs: 1, batch_size: 64, auxiliary_weight: 0.4, drop_path: 0.2, cutout: 8}\n");
        Path out = work.resolve("runs");
        Cli.Result r = Cli.run("run", cfg.toString(), "--set", "output=" + out);
        assertEquals(0, r.code(), r.all());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(7, csv.size(), csv.toString());
        for (String row : csv.subList(1, 7)) {
            assertTrue(row.contains(",ok,"), row);
        }
        // S1's candidates differ per edge (darts-pt sota/cnn/spaces.py, normal cell): every chosen op is its edge's
        String[] pairs = {"skip_connect dil_conv_3x3", "skip_connect dil_conv_5x5", "skip_connect dil_conv_5x5",
            "skip_connect sep_conv_3x3", "skip_connect dil_conv_3x3", "max_pool_3x3 skip_connect",
            "skip_connect sep_conv_3x3", "skip_connect sep_conv_3x3", "skip_connect dil_conv_3x3",
            "skip_connect sep_conv_3x3", "max_pool_3x3 skip_connect", "skip_connect dil_conv_3x3",
            "dil_conv_3x3 dil_conv_5x5", "dil_conv_3x3 dil_conv_5x5"};
        for (String selector : List.of("magnitude", "perturbation")) {
            var normal = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(out.resolve("s1.darts.s0/select-" + selector + "/architecture.json").toFile())
                    .get("cells").get("normal");
            int kept = 0;
            for (int e = 0; e < 14; e++) {
                String op = normal.get(e).asText();
                if (!op.equals("-")) {
                    kept++;
                    assertTrue(List.of(pairs[e].split(" ")).contains(op), selector + " edge " + e + ": " + op);
                }
            }
            assertEquals(8, kept, selector + ": " + normal);
        }
    }
}
