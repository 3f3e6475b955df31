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
        Cli.Result r = Cli.run("run", "configs/darts-quick.yaml", "--set", "engine=" + engine,
                "--set", "search.epochs=1", "--set", "dataset.train_limit=192", "--set", "dataset.test_limit=128",
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
}
