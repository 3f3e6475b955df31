package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one-shot family's searches interrupted after their first epoch resume from the checkpoint and end
 * as the uninterrupted run: GDAS's Gumbel draws and DrNAS's Dirichlet draws come from the search's
 * generator, whose state the checkpoint holds; PC-DARTS's β is checkpointed with α; DARTS−'s skip weight is the
 * epoch's, and its reductions' weights are checkpointed with the supernet's.
 */
class StochasticResumeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "gdas|{use: gdas, epochs: 2, checkpoint_every: 1}|tau",
        "drnas|{use: drnas, epochs: 2, checkpoint_every: 1}|concentration_mean",
        "pc-darts|{use: pc-darts, epochs: 2, warmup_epochs: 0, partial_channels: 2, checkpoint_every: 1}|arch_parameters",
        "darts-minus|{use: darts-minus, epochs: 2, checkpoint_every: 1}|aux_skip_beta",
    })
    void interruptedSearchEndsAsTheUninterruptedOne(String optimizer, String search, String logged, @TempDir Path work)
            throws Exception {
        Path cfg = work.resolve(optimizer + ".yaml");
        Files.writeString(cfg, """
                name: resume
                threads: 2
                seeds: [3]
                dataset: {use: fashion-mnist, path: sample, train_limit: 256, test_limit: 64}
                space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}
                search: %s
                selection: [magnitude]
                """.formatted(search));
        Path out = work.resolve("runs");
        Cli.Result first = Cli.run("run", cfg.toString(), "--set", "output=" + out);
        assertEquals(0, first.code(), first.all());
        Path trial = out.resolve("nas-bench-201." + optimizer + ".s3");
        List<String> uninterrupted = Files.readAllLines(trial.resolve("search/metrics.jsonl"));
        assertTrue(uninterrupted.get(1).contains("\"" + logged + "\""), uninterrupted.get(1));
        String chosen = Files.readString(trial.resolve("select-magnitude/architecture.json"));
        for (String gone : List.of("search/checkpoint-0002", "select-magnitude", "result.json")) {
            ExperimentRunTest.deleteTree(trial.resolve(gone));
        }
        Cli.Result again = Cli.run("run", cfg.toString(), "--set", "output=" + out);
        assertEquals(0, again.code(), again.all());
        List<String> resumed = Files.readAllLines(trial.resolve("search/metrics.jsonl"));
        assertEquals(uninterrupted.get(0), resumed.get(0), "epoch 1 was not run again");
        assertEquals(SdartsResumeTest.strip(uninterrupted.get(1)), SdartsResumeTest.strip(resumed.get(1)),
                "epoch 2 ran again to the same numbers");
        assertEquals(SdartsResumeTest.field(chosen, "architecture"), SdartsResumeTest.field(
                Files.readString(trial.resolve("select-magnitude/architecture.json")), "architecture"));
    }
}
