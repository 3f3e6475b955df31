package dev.naslab.evaluator.nb201table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.api.bench.Nb201Cell;
import dev.naslab.api.bench.Nb201Table;
import dev.naslab.api.eval.Evaluation;
import dev.naslab.api.model.Architecture;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lookup on a table made here: cell i has acc = i mod 1000 / 10 and params_m = 0.5 + i / 100000. */
class TableEvaluatorTest {

    @TempDir
    Path dir;

    private Path table() {
        Map<String, double[]> rows = new LinkedHashMap<>();
        List<String> cells = Nb201Cell.all();
        for (int i = 0; i < cells.size(); i++) {
            rows.put(cells.get(i), new double[] {i % 1000 / 10.0, 0.5 + i / 100000.0, 7});
        }
        Path f = dir.resolve("t.csv");
        Nb201Table.write(f, null, List.of("cifar10_test", "params_m", "flops_m"), rows);
        return f;
    }

    @Test
    void aCellIsLookedUpWithItsRankAndTheTablesOtherColumns() {
        TableEvaluator e = new TableEvaluator();
        TableSettings s = new TableSettings(table().toString(), null);
        assertEquals(List.of(), e.check(s, Set.of()));
        int i = 1999; // acc 99.9, the top value, shared by the 15 cells i = 999, 1999, ..., 14999 (i mod 1000 = 999)
        List<String> ops = Nb201Cell.parse(Nb201Cell.all().get(i));
        Evaluation ev = e.evaluate(new Architecture(Map.of("cell", ops)), null, s);
        assertEquals(99.9, ev.testAccuracy(), 1e-12);
        assertEquals(Math.round((0.5 + i / 100000.0) * 1e6), ev.parameters());
        assertEquals(7.0, ev.metrics().get("flops_m"));
        assertEquals(1.0, ev.metrics().get("rank"));
        assertTrue(ev.metrics().get("isomorphs") >= 1);
        assertTrue(Double.isNaN(ev.testLoss()));
    }

    @Test
    void aTableWithoutParametersGivesNone() {
        Map<String, double[]> rows = new LinkedHashMap<>();
        Nb201Cell.all().forEach(a -> rows.put(a, new double[] {50}));
        Path f = dir.resolve("acc-only.csv");
        Nb201Table.write(f, null, List.of("cifar10_test"), rows);
        Evaluation ev = new TableEvaluator().evaluate(new Architecture(Map.of("cell", Nb201Cell.parse(Nb201Cell.all()
                .get(0)))), null, new TableSettings(f.toString(), null));
        assertEquals(50.0, ev.testAccuracy());
        assertEquals(0, ev.parameters());
        assertEquals(1.0, ev.metrics().get("rank_unique"), "every function ties too");
        assertEquals(1.0, ev.metrics().get("rank"), "every cell ties");
    }

    @Test
    void settingsAndArchitecturesItCannotUseAreNamed() {
        TableEvaluator e = new TableEvaluator();
        Path t = table();
        assertEquals(List.of("metric: 'cifar100_test' is not a column of " + t + " (columns: cifar10_test, params_m, "
                + "flops_m)"), e.check(new TableSettings(t.toString(), "cifar100_test"), Set.of()));
        assertTrue(e.check(new TableSettings(dir.resolve("none.csv").toString(), null), Set.of()).get(0)
                .startsWith("table: " + dir.resolve("none.csv") + " is not a file"));
        assertEquals("table", assertThrows(dev.naslab.api.SettingException.class, () -> new TableSettings(null, null))
                .key());
        IllegalArgumentException darts = assertThrows(IllegalArgumentException.class, () -> e.evaluate(
                new Architecture(Map.of("normal", List.of("skip_connect"), "reduce", List.of("max_pool_3x3"))), null,
                new TableSettings(t.toString(), null)));
        assertTrue(darts.getMessage().contains("use it with space nas-bench-201"), darts.getMessage());
    }
}
