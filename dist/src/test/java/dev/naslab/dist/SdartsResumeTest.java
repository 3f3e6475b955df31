package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SDARTS-ADV search interrupted after its first epoch resumes from its checkpoint and ends with
 * the genotype, α and metrics of the uninterrupted run: the attack's random starts come from the
 * search's generator, whose state the checkpoint holds.
 */
class SdartsResumeTest {

    @Test
    void interruptedAdversarialSearchEndsAsTheUninterruptedOne(@TempDir Path work) throws Exception {
        Path cfg = work.resolve("adv.yaml");
        Files.writeString(cfg, """
                name: adv
                threads: 2
                seeds: [3]
                dataset: {use: fashion-mnist, path: sample, train_limit: 256, test_limit: 64}
                space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}
                search: {use: sdarts, perturbation: adversarial, epochs: 2, checkpoint_every: 1}
                selection: [magnitude]
                """);
        Path out = work.resolve("runs");
        Cli.Result first = Cli.run("run", cfg.toString(), "--set", "output=" + out);
        assertEquals(0, first.code(), first.all());
        Path trial = out.resolve("nas-bench-201.sdarts.s3");
        List<String> uninterrupted = Files.readAllLines(trial.resolve("search/metrics.jsonl"));
        assertTrue(uninterrupted.get(1).contains("\"attack_kept\""), uninterrupted.get(1));
        String chosen = Files.readString(trial.resolve("select-magnitude/architecture.json"));
        // a crash after epoch 1: the final checkpoint, the selection and the result are gone
        for (String gone : List.of("search/checkpoint-0002", "select-magnitude", "result.json")) {
            ExperimentRunTest.deleteTree(trial.resolve(gone));
        }
        Cli.Result again = Cli.run("run", cfg.toString(), "--set", "output=" + out);
        assertEquals(0, again.code(), again.all());
        List<String> resumed = Files.readAllLines(trial.resolve("search/metrics.jsonl"));
        assertEquals(uninterrupted.get(0), resumed.get(0), "epoch 1 was not run again");
        assertEquals(strip(uninterrupted.get(1)), strip(resumed.get(1)), "epoch 2 ran again to the same numbers");
        assertEquals(field(chosen, "architecture"), field(Files.readString(trial.resolve("select-magnitude/architecture.json")),
                "architecture"));
    }

    /** The metrics line without its timing. */
    static String strip(String line) {
        return line.replaceAll(",\"seconds\":[0-9.E-]+", "");
    }

    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\"");
        return json.substring(i, json.indexOf('\n', i));
    }
}
