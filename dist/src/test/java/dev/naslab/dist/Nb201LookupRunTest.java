package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.naslab.api.bench.Nb201Cell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NAS-Bench-201 lookup as a user does it, on a table made here (cell i of {@link Nb201Cell#all()} scores
 * i·7919 mod 10000 / 100): {@code naslab table import} from a CSV, {@code table check}, then a search whose every
 * epoch logs the derived cell's benchmark accuracy and whose selected cells are looked up instead of trained.
 */
class Nb201LookupRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static double acc(String arch) {
        return Nb201Cell.all().indexOf(arch) * 7919L % 10000 / 100.0;
    }

    @Test
    void importCheckAndLookUpDuringAndAfterASearch(@TempDir Path work) throws Exception {
        List<String> csv = new ArrayList<>(List.of("arch_str,acc,params"));
        for (String a : Nb201Cell.all()) {
            csv.add(a + "," + acc(a) + ",0.25");
        }
        Files.write(work.resolve("bench.csv"), csv);
        Path table = work.resolve("nb201.csv");
        Cli.Result imp = Cli.run("table", "import", work.resolve("bench.csv").toString(), "--arch-column", "arch_str",
                "--column", "cifar10_test=acc", "--column", "params_m=params", "-o", table.toString());
        assertEquals(0, imp.code(), imp.all());
        assertTrue(imp.out().contains("wrote " + table + ": 15625 cells"), imp.out());
        Cli.Result again = Cli.run("table", "import", work.resolve("bench.csv").toString(), "--arch-column", "arch_str",
                "--column", "cifar10_test=acc", "-o", table.toString());
        assertEquals(2, again.code(), again.all());
        assertTrue(again.err().contains(table + " exists; naslab does not replace files"), again.err());

        String skip = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";
        Cli.Result check = Cli.run("table", "check", table.toString(), "--arch", skip);
        assertEquals(0, check.code(), check.all());
        assertTrue(check.out().contains(skip + "\tcifar10_test=" + fmt(acc(skip)) + "\tparams_m=0.25\tcifar10_test_rank="),
                check.out());

        Path config = work.resolve("lookup.yaml");
        Files.writeString(config, String.join("\n",
                "name: lookup",
                "threads: 1",
                "seeds: [0]",
                "dataset: {use: fashion-mnist, path: sample, train_limit: 384, test_limit: 128}",
                "space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}",
                "search: {use: darts, epochs: 3, batch_size: 64}",
                "selection: [magnitude]",
                "benchmark: {table: " + table + ", metric: cifar10_test}",
                "evaluation: [{use: nb201-table, table: " + table + "}]", ""));
        Path out = work.resolve("runs");
        Cli.Result r = Cli.run("run", config.toString(), "--set", "output=" + out);
        assertEquals(0, r.code(), r.all());

        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        List<String> header = Arrays.asList(rows.get(0).split(","));
        assertEquals(List.of("isomorphs", "rank", "rank_unique"), header.subList(16, 19), rows.get(0));
        String[] row = rows.get(1).split(",", -1);
        String selected = row[6];
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", acc(selected)), row[9], "test_acc is the table's");
        assertEquals("250000", row[10], "parameters from params_m");
        assertEquals("nb201-table", row[5]);

        List<String> lines = Files.readAllLines(out.resolve("nas-bench-201.darts.s0/search/metrics.jsonl"));
        assertEquals(3, lines.size());
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            assertEquals(acc(n.get("architecture").asText()), n.get("benchmark_acc").asDouble(), 1e-9, l);
            assertEquals("cifar10_test (nb201.csv)", n.get("benchmark_metric").asText());
            assertTrue(n.get("benchmark_rank").asInt() >= 1);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("The last plot is the NAS-Bench-201 accuracy of the cell derived (argmax α) after each "
                + "epoch, looked up in cifar10_test (nb201.csv)"), html);

        Path dartsConfig = work.resolve("darts.yaml");
        Files.writeString(dartsConfig, Files.readString(config).replace("{use: nas-bench-201, channels: 4, cells_per_stage: 1}",
                "{use: darts, channels: 4, layers: 2}"));
        Cli.Result darts = Cli.run("validate", dartsConfig.toString());
        assertEquals(2, darts.code(), darts.all());
        assertTrue(darts.err().contains("benchmark: looks up NAS-Bench-201 cells, and space darts's architectures are not"),
                darts.err());
        Cli.Result metric = Cli.run("validate", config.toString(), "--set", "benchmark.metric=cifar100_test");
        assertEquals(2, metric.code(), metric.all());
        assertTrue(metric.err().contains("benchmark.metric: 'cifar100_test' is not a column of " + table
                + " (columns: cifar10_test, params_m)"), metric.err());
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
