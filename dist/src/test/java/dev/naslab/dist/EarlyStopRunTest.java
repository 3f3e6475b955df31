package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early stopping end to end with the shipped plugins: in RobustDARTS's S2 space (skip_connect or
 * sep_conv_3x3 on every edge) the derived normal cell has skip connections after the first epoch, so
 * the skip stopper with {@code max_skip: 0} stops there; the selectors get epoch 1's supernet, the
 * results table and the report say so, and running again reuses the stopped search.
 */
class EarlyStopRunTest {

    @Test
    void aStoppedSearchHandsItsEpochToTheSelectorsAndSaysSoInTheTableAndTheReport(@TempDir Path work) throws Exception {
        Path cfg = work.resolve("stop.yaml");
        Files.writeString(cfg, "name: stop\nthreads: 2\nseeds: [0]\n"
                + "dataset: {use: fashion-mnist, path: sample, train_limit: 128, test_limit: 64}\n"
                + "space: {use: darts, ops: s2, channels: 2, layers: 3}\n"
                + "search:\n"
                + "  - {use: darts, epochs: 3}\n"
                + "  - {use: darts, label: darts-skip, epochs: 3, early_stop: {rule: skip, max_skip: 0}}\n"
                + "selection: [magnitude]\n");
        Path out = work.resolve("runs");
        Cli.Result r = Cli.run("run", cfg.toString(), "--set", "output=" + out);
        assertEquals(0, r.code(), r.all());
        Path stopped = out.resolve("darts.darts-skip.s0/search");
        List<String> stops = Files.readAllLines(stopped.resolve("stops.jsonl"));
        assertEquals(1, stops.size(), stops.toString());
        assertTrue(stops.get(0).contains("\"action\":\"stop\"") && stops.get(0).contains("\"epoch\":1"), stops.get(0));
        assertEquals(1, Files.readAllLines(stopped.resolve("metrics.jsonl")).size(), "no epoch after the stop");
        assertEquals(3, Files.readAllLines(out.resolve("darts.darts.s0/search/metrics.jsonl")).size());

        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(csv.get(0).contains(",search_stop"), csv.get(0));
        String row = csv.stream().filter(l -> l.startsWith("darts.darts-skip.s0,")).findFirst().orElseThrow();
        assertTrue(row.contains("skip stopped the search after epoch 1: ") && row.contains("skip connections in the "
                + "normal cell (more than 0)"), row);
        assertTrue(r.out().contains("darts.darts-skip.s0: skip stopped the search after epoch 1"), r.out());

        Cli.Result again = Cli.run("run", cfg.toString(), "--set", "output=" + out);
        assertEquals(0, again.code(), again.all());
        assertEquals(csv, Files.readAllLines(out.resolve("results.csv")), "the finished trials are reused");

        Cli.Result report = Cli.run("report", out.toString());
        assertEquals(0, report.code(), report.all());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Early stopping") && md.contains("- darts.darts-skip.s0: skip stopped the search after "
                + "epoch 1"), md);
        assertTrue(Files.readString(out.resolve("report.html")).contains("<h2>Early stopping</h2>"));
    }
}
