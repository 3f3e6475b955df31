package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick-start experiment, reduced, end to end through the launcher, on both engines. */
class ExperimentRunTest {

    static String[] reduced(Path out, String engine) {
        return new String[] {"run", "configs/quickstart.yaml", "--set", "engine=" + engine,
            "--set", "search.epochs=1", "--set", "dataset.train_limit=384", "--set", "dataset.test_limit=128",
            "--set", "evaluation.epochs=1", "--set", "space.channels=4", "--set", "output=" + out};
    }

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void quickstartRunsResumesAndReports(String engine, @TempDir Path work) throws Exception {
        Path out = work.resolve("runs");
        Cli.Result r = Cli.run(reduced(out, engine));
        assertEquals(0, r.code(), r.all());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, csv.size(), csv.toString());
        for (String row : csv.subList(1, 3)) {
            String[] f = row.split(",", -1);
            assertEquals("ok", f[14], row);
            double test = Double.parseDouble(f[9]);
            assertTrue(test >= 0 && test <= 100, row);
            assertTrue(f[6].startsWith("|") && f[6].endsWith("|"), row);
        }
        assertTrue(csv.get(1).contains(",magnitude,train,") && csv.get(2).contains(",perturbation,train,"), csv.toString());
        assertTrue(r.out().contains("magnitude") && r.out().contains("perturbation") && r.out().contains("test acc"),
                r.out());
        Path trial = out.resolve("nas-bench-201.darts.s0");
        assertTrue(Files.exists(trial.resolve("search/checkpoint-0001/tensors.bin")));
        assertTrue(Files.readString(trial.resolve("select-perturbation/decisions.jsonl")).contains("\"kind\":\"op\""));
        assertTrue(Files.readString(out.resolve("experiment.yaml")).contains("engine: \"" + engine + "\"")
                || Files.readString(out.resolve("experiment.yaml")).contains("engine: " + engine));

        Cli.Result again = Cli.run(reduced(out, engine));
        assertEquals(0, again.code(), again.all());
        assertTrue(again.out().contains("already done"), again.out());
    }

    @Test
    void interruptedSelectionAndSearchResume(@TempDir Path work) throws Exception {
        Path out = work.resolve("runs");
        String[] two = reduced(out, "pytorch");
        two = java.util.Arrays.copyOf(two, two.length + 2);
        two[two.length - 2] = "--set";
        two[two.length - 1] = "search.epochs=2";
        assertEquals(0, Cli.run(two).code());
        Path trial = out.resolve("nas-bench-201.darts.s0");
        String epochOne = Files.readAllLines(trial.resolve("search/metrics.jsonl")).get(0);
        Path pt = trial.resolve("select-perturbation");
        String chosen = Files.readString(pt.resolve("architecture.json"));
        chosen = chosen.substring(chosen.indexOf("\"architecture\""), chosen.indexOf("\"cells\""));
        // a perturbation selection interrupted after its last saved round resumes from it
        deleteTree(pt.resolve("architecture.json"));
        deleteTree(pt.resolve("eval-train"));
        deleteTree(trial.resolve("result.json"));
        assertEquals(0, Cli.run(two).code());
        assertEquals(6, Files.readAllLines(pt.resolve("decisions.jsonl")).size(), "no decision was made again");
        assertTrue(Files.readString(pt.resolve("architecture.json")).contains(chosen), chosen);
        // simulate a crash after epoch 1: drop the final checkpoint, the selections and the result
        for (String gone : List.of("search/checkpoint-0002", "select-magnitude", "select-perturbation", "result.json")) {
            deleteTree(trial.resolve(gone));
        }
        Cli.Result r = Cli.run(two);
        assertEquals(0, r.code(), r.all());
        List<String> metrics = Files.readAllLines(trial.resolve("search/metrics.jsonl"));
        // epoch 1 is kept from the first run (its checkpoint was reused), epoch 2 was run again
        assertEquals(2, metrics.size(), metrics.toString());
        assertEquals(epochOne, metrics.get(0), "epoch 1 was not run again (its line, timing included, is unchanged)");
        assertTrue(metrics.get(1).startsWith("{\"epoch\":2"), metrics.toString());
        assertTrue(r.out().contains("search"), r.out());
    }

    @Test
    void perturbationCanScoreOnAugmentedValidationData(@TempDir Path work) throws Exception {
        Path out = work.resolve("runs");
        List<String> args = new java.util.ArrayList<>(List.of(reduced(out, "pytorch")));
        args.addAll(List.of("--set", "dataset.crop_padding=2",
                "--set", "dataset.flip=true", "--set", "selection=[{use: perturbation, tune_epochs: 0, score_data: augmented}]"));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.all());
        List<String> decisions = Files.readAllLines(out.resolve("nas-bench-201.darts.s0/select-perturbation/decisions.jsonl"));
        assertEquals(6, decisions.size(), decisions.toString());
        assertTrue(Files.readString(out.resolve("experiment.yaml")).contains("score_data: \"augmented\"")
                || Files.readString(out.resolve("experiment.yaml")).contains("score_data: augmented"));
    }

    static void deleteTree(Path p) throws Exception {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
