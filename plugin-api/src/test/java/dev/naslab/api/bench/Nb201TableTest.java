package dev.naslab.api.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table format and the cell strings, on tables made here (every cell, values from their index) and on the two
 * public NAS-Bench-201 tables in {@code ../shared/nb201-table/} (read where they are, never copied; the tests that
 * need them are skipped on a checkout without them).
 */
class Nb201TableTest {

    static final String ALL_SKIP = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|"
            + "skip_connect~2|";
    static final String RESNET = "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";

    @TempDir
    Path dir;

    static List<String> allCells() {
        return Nb201Cell.all();
    }

    private Path made(List<String> lines) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    /** "# comment", the header, and cell i with acc = i mod 100 and an empty params_m on odd rows. */
    private List<String> madeLines() {
        List<String> lines = new ArrayList<>(List.of("# made by the test", "arch,acc,params_m"));
        List<String> cells = allCells();
        for (int i = 0; i < cells.size(); i++) {
            lines.add(cells.get(i) + "," + (i % 100) + "," + (i % 2 == 0 ? "0.5" : ""));
        }
        return lines;
    }

    @Test
    void cellStringsParseAndTheirMistakesAreNamed() {
        assertEquals(List.of("nor_conv_3x3", "none", "nor_conv_3x3", "skip_connect", "none", "skip_connect"),
                Nb201Cell.parse(RESNET));
        assertEquals(RESNET, Nb201Cell.format(Nb201Cell.parse(RESNET)));
        assertEquals("'|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|': op 'conv' is not one of [none, skip_connect, "
                + "nor_conv_1x1, nor_conv_3x3, avg_pool_3x3]", assertThrows(IllegalArgumentException.class,
                        () -> Nb201Cell.parse("|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Nb201Cell.parse("|none~0|+|none~1|none~0|+"
                + "|none~0|none~1|none~2|")).getMessage().contains("'none~1' should read none~0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Nb201Cell.parse("|none~0|"))
                .getMessage().contains("has 1 node group(s)"));
    }

    @Test
    void uniqueStringsFollowTheRuleByHand() {
        assertEquals("0+0+0+0", Nb201Cell.uniqueString(ALL_SKIP)); // n1=0, n2=0+0, n3=0+0+(0+0), sorted
        // n1 = (0)@nor_conv_3x3; n2 = # + ((0)@nor_conv_3x3)@nor_conv_3x3; n3 = 0 + # + n2
        assertEquals("#+#+((0)@nor_conv_3x3)@nor_conv_3x3+0", Nb201Cell.uniqueString(RESNET));
        // an op applied to a zero node is zero
        assertEquals("#+#+#", Nb201Cell.uniqueString("|none~0|+|none~0|nor_conv_1x1~1|+|none~0|avg_pool_3x3~1|none~2|"));
    }

    @Test
    void aTableIsReadWithItsValuesRanksAndEmptyFields() throws IOException {
        Nb201Table t = Nb201Table.read(made(madeLines()));
        assertEquals(List.of("acc", "params_m"), t.columns());
        List<String> cells = allCells();
        assertEquals(7.0, t.value(cells.get(107), "acc").getAsDouble());
        assertTrue(t.value(cells.get(107), "params_m").isEmpty());
        assertEquals(Map.of("acc", 8.0, "params_m", 0.5), t.values(cells.get(108)));
        // acc = i mod 100: 156 cells (i = 99, 199, ..., 15599) have 99, the top value
        assertEquals(1, t.rank(cells.get(99), "acc"));
        assertEquals(157, t.rank(cells.get(98), "acc"));
        assertEquals(0, t.rank(cells.get(1), "params_m"), "no value, no rank");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.value(cells.get(0), "cifar10_test"))
                .getMessage().endsWith("(columns: acc, params_m)"));
    }

    @Test
    void whatIsWrongWithATableIsNamedWithItsLine() throws IOException {
        List<String> lines = madeLines();
        lines.set(10, lines.get(5)); // line 11 repeats line 6
        assertEquals(dir.resolve("t.csv") + " line 11: " + allCells().get(3) + " is there already (line 6)",
                assertThrows(IllegalArgumentException.class, () -> Nb201Table.read(made(lines))).getMessage());

        List<String> bad = madeLines();
        bad.set(4, bad.get(4).replace(",2,", ",n/a,"));
        assertEquals(dir.resolve("t.csv") + " line 5: acc 'n/a' is not a number (leave the field empty where the "
                + "table has no value)", assertThrows(IllegalArgumentException.class, () -> Nb201Table.read(made(bad)))
                        .getMessage());

        List<String> op = madeLines();
        op.set(2, op.get(2).replace("none~0|+", "zero~0|+"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Nb201Table.read(made(op))).getMessage()
                .startsWith(dir.resolve("t.csv") + " line 3: '|zero~0|+"));

        List<String> short_ = madeLines().subList(0, 1000);
        String m = assertThrows(IllegalArgumentException.class, () -> Nb201Table.read(made(short_))).getMessage();
        assertTrue(m.startsWith(dir.resolve("t.csv") + " has 998 cell(s), NAS-Bench-201 has 15625; missing, e.g.: "
                + allCells().get(998) + ", "), m);

        assertEquals(dir.resolve("none.csv") + " does not exist (naslab table import writes a table from any CSV)",
                assertThrows(java.io.UncheckedIOException.class, () -> Nb201Table.read(dir.resolve("none.csv")))
                        .getMessage());

        List<String> header = madeLines();
        header.set(1, "cell,acc,params_m");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Nb201Table.read(made(header))).getMessage()
                .endsWith("line 2: the header's first column must be 'arch', not 'cell'"));
    }

    @Test
    void writtenTablesReadBack() {
        Map<String, double[]> rows = new LinkedHashMap<>();
        List<String> cells = allCells();
        for (int i = 0; i < cells.size(); i++) {
            rows.put(cells.get(i), new double[] {i / 3.0, i % 7 == 0 ? Double.NaN : 2});
        }
        Path f = dir.resolve("w.csv");
        Nb201Table.write(f, "test", List.of("a", "b"), rows);
        Nb201Table t = Nb201Table.read(f);
        assertEquals(100 / 3.0, t.value(cells.get(100), "a").getAsDouble());
        assertTrue(t.value(cells.get(7), "b").isEmpty());
        assertEquals(2.0, t.value(cells.get(8), "b").getAsDouble());
    }

    // --- the public tables, where this checkout has them beside it

    static Optional<Path> shared(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared/nb201-table").resolve(name);
            if (Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static Path sharedOrSkip(String name) {
        Optional<Path> f = shared(name);
        Assumptions.assumeTrue(f.isPresent(), "../shared/nb201-table/" + name + " is not beside this checkout");
        return f.get();
    }

    @Test
    void uniqueStringsAreNatsBenchsOnEveryCell() throws IOException {
        List<String> lines = Files.readAllLines(sharedOrSkip("nats_bench.csv"));
        assertEquals("CIFAR10TestAccuracy200Epochs,CIFAR100TestAccuracy200Epochs,ImageNetTestAccuracy200Epochs,"
                + "ArchitectureString,UniqueString", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(f[4], Nb201Cell.uniqueString(f[3]), f[3]);
        }
        assertEquals(Nb201Cell.CELLS, lines.size() - 1);
    }

    /** nats_bench.csv in naslab's format, as {@code naslab table import} writes it. */
    private Nb201Table nats() throws IOException {
        List<String> lines = Files.readAllLines(sharedOrSkip("nats_bench.csv"));
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.put(f[3], new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        Path f = dir.resolve("nats.csv");
        Nb201Table.write(f, "nats_bench.csv", List.of("cifar10_test", "cifar100_test", "imagenet16_test"), rows);
        return Nb201Table.read(f);
    }

    @Test
    void thePublishedValuesComeOutOfTheRealTable() throws IOException {
        Nb201Table t = nats();
        // DARTS's collapse: the published DARTS-V1 NB201 numbers 54.30 / 15.61 / 16.32
        assertEquals(54.30, t.value(ALL_SKIP, "cifar10_test").getAsDouble(), 0.005);
        assertEquals(15.61, t.value(ALL_SKIP, "cifar100_test").getAsDouble(), 0.005);
        assertEquals(16.32, t.value(ALL_SKIP, "imagenet16_test").getAsDouble(), 0.005);
        // the NB201 paper's CIFAR-10 optimum 94.37 (two cells share it) and its ResNet 93.91
        String best = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";
        assertEquals(94.37, t.value(best, "cifar10_test").getAsDouble(), 0.005);
        assertEquals(1, t.rank(best, "cifar10_test"));
        assertEquals(93.91, t.value(RESNET, "cifar10_test").getAsDouble(), 0.005);
        // hand count (awk over the file): 15,230 cells beat the all-skip cell on CIFAR-10; no other cell computes its function
        assertEquals(15231, t.rank(ALL_SKIP, "cifar10_test"));
        assertEquals(1, t.isomorphs(ALL_SKIP));
        // the same awk count for ResNet: 69 cells above 93.91 on CIFAR-10, 241 above 70.89 on CIFAR-100; grep finds
        // 3 rows with its unique string
        assertEquals(70, t.rank(RESNET, "cifar10_test"));
        assertEquals(242, t.rank(RESNET, "cifar100_test"));
        assertEquals(3, t.isomorphs(RESNET));
    }
}
