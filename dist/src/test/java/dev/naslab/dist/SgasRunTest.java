package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SGAS in the DARTS space through the launcher, on a short schedule (a decision every epoch):
 * 8 decisions per cell type, then one post-training epoch with every edge decided (α has no
 * gradient left), 2 inputs per node, the selectors keep SGAS's genotype, and a search
 * interrupted after epoch 5 resumes to the same decisions and genotype.
 */
class SgasRunTest {

    @Test
    void sgasDecidesEveryNodeAndResumesToTheSameGenotype(@TempDir Path work) throws Exception {
        Path cfg = work.resolve("sgas.yaml");
        Files.writeString(cfg, """
                name: sgas
                threads: 2
                seeds: [1]
                dataset: {use: fashion-mnist, path: sample, train_limit: 128, test_limit: 64}
                space: {use: darts, channels: 2, layers: 3, eval_channels: 4, eval_layers: 3}
                search: {use: sgas, criterion: 2, warmup_dec_epoch: 0, decision_freq: 1, post_train: 1, checkpoint_every: 1}
                selection: [magnitude, {use: perturbation, tune_epochs: 0}]
                """);
        Path out = work.resolve("runs");
        Cli.Result r = Cli.run("run", cfg.toString(), "--set", "output=" + out);
        assertEquals(0, r.code(), r.all());
        Path trial = out.resolve("darts.sgas.s1");
        List<String> decisions = Files.readAllLines(trial.resolve("search/decisions.jsonl"));
        assertEquals(16, decisions.size(), decisions.toString());
        assertEquals(8, decisions.stream().filter(l -> l.contains("\"cell\":\"normal\"")).count());
        ObjectMapper json = new ObjectMapper();
        JsonNode magnitude = json.readTree(trial.resolve("select-magnitude/architecture.json").toFile());
        JsonNode perturbation = json.readTree(trial.resolve("select-perturbation/architecture.json").toFile());
        assertEquals(magnitude.get("cells"), perturbation.get("cells"), "DARTS-PT had nothing left to decide");
        assertTrue(Files.readString(trial.resolve("select-perturbation/decisions.jsonl")).contains("nothing left to decide"));
        int[][] incoming = {{0, 1}, {2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12, 13}};
        for (String cell : List.of("normal", "reduce")) {
            for (int[] node : incoming) {
                int kept = 0;
                for (int e : node) {
                    kept += magnitude.get("cells").get(cell).get(e).asText().equals("-") ? 0 : 1;
                }
                assertEquals(2, kept, cell + ": " + magnitude.get("cells"));
            }
        }
        // a crash after epoch 5: later checkpoints, the selections and the result are gone
        for (String gone : List.of("search/checkpoint-0006", "search/checkpoint-0007", "search/checkpoint-0008",
                "search/checkpoint-0009",
                "select-magnitude", "select-perturbation", "result.json")) {
            ExperimentRunTest.deleteTree(trial.resolve(gone));
        }
        Cli.Result again = Cli.run("run", cfg.toString(), "--set", "output=" + out);
        assertEquals(0, again.code(), again.all());
        assertEquals(decisions, Files.readAllLines(trial.resolve("search/decisions.jsonl")),
                "the same decisions with the same scores, none logged twice");
        assertEquals(magnitude.get("architecture"),
                json.readTree(trial.resolve("select-magnitude/architecture.json").toFile()).get("architecture"));
    }
}
