package dev.naslab.core.bench201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.api.bench.Nb201Cell;
import dev.naslab.api.bench.Nb201Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code naslab table import}'s work: any CSV (quoted fields, columns in any order) into naslab's format, with every
 * problem named by the CSV's line; and the two public tables beside this checkout imported as a user would.
 */
class TableImportTest {

    static final String ALL_SKIP = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|"
            + "skip_connect~2|";

    @TempDir
    Path dir;

    /** A CSV of every cell: a quoted note with a comma, the architecture third, acc = i mod 97 + 0.5. */
    private List<String> csv() {
        List<String> lines = new ArrayList<>(List.of("id,note,cell,acc,size"));
        List<String> cells = Nb201Cell.all();
        for (int i = 0; i < cells.size(); i++) {
            lines.add(i + ",\"row " + i + ", made here\"," + cells.get(i) + "," + (i % 97 + 0.5) + "," + (i % 3 == 0 ? ""
                    : "1.25"));
        }
        return lines;
    }

    private Path write(List<String> lines) throws IOException {
        Path f = dir.resolve("in.csv");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private Nb201Table run(List<String> lines) throws IOException {
        return TableImport.run(write(lines), "cell", List.of(new TableImport.Column("cifar10_test", "acc"),
                new TableImport.Column("params_m", "size")), dir.resolve("out.csv"));
    }

    @Test
    void anyCsvBecomesATableInNaslabsFormat() throws IOException {
        Nb201Table t = run(csv());
        List<String> cells = Nb201Cell.all();
        assertEquals(List.of("cifar10_test", "params_m"), t.columns());
        assertEquals(100 % 97 + 0.5, t.value(cells.get(100), "cifar10_test").getAsDouble());
        assertTrue(t.value(cells.get(99), "params_m").isEmpty());
        assertEquals(1.25, t.value(cells.get(100), "params_m").getAsDouble());
        List<String> written = Files.readAllLines(dir.resolve("out.csv"));
        assertEquals("# naslab NAS-Bench-201 table (format 1): imported from in.csv (cifar10_test=acc, params_m=size)",
                written.get(0));
        assertEquals("arch,cifar10_test,params_m", written.get(1));
        assertEquals(Nb201Cell.CELLS + 2, written.size());
    }

    @Test
    void problemsNameTheCsvsLine() throws IOException {
        List<String> dup = csv();
        dup.set(20, dup.get(20).replaceFirst("\\|[^,]*\\|,", Nb201Cell.all().get(3) + ","));
        assertEquals(dir.resolve("in.csv") + " line 21: " + Nb201Cell.all().get(3) + " is there already (line 5)",
                assertThrows(IllegalArgumentException.class, () -> run(dup)).getMessage());

        List<String> nan = csv();
        nan.set(7, nan.get(7).replace(",6.5,", ",six,"));
        assertEquals(dir.resolve("in.csv") + " line 8: acc 'six' is not a number",
                assertThrows(IllegalArgumentException.class, () -> run(nan)).getMessage());

        List<String> few = csv().subList(0, 101);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run(few)).getMessage()
                .startsWith(dir.resolve("in.csv") + " has 100 cell(s), NAS-Bench-201 has 15625; missing, e.g.: "));

        assertEquals("--column params_m: " + dir.resolve("in.csv") + " has no column 'bytes' (its header: id, note, "
                + "cell, acc, size)", assertThrows(IllegalArgumentException.class, () -> TableImport.run(write(csv()),
                        "cell", List.of(new TableImport.Column("params_m", "bytes")), dir.resolve("o.csv")))
                        .getMessage());
        assertFalse(Files.exists(dir.resolve("out.csv")), "nothing is written when the CSV has a problem");
    }

    @Test
    void anExistingFileIsNotReplaced() throws IOException {
        Files.writeString(dir.resolve("out.csv"), "mine");
        assertEquals(dir.resolve("out.csv") + " exists; naslab does not replace files: choose another name",
                assertThrows(IllegalArgumentException.class, () -> run(csv())).getMessage());
        assertEquals("mine", Files.readString(dir.resolve("out.csv")));
    }

    static Optional<Path> shared(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared/nb201-table").resolve(name);
            if (Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Test
    void thePublicTablesImportAsAUserWouldImportThem() {
        Optional<Path> nats = shared("nats_bench.csv");
        Optional<Path> naswot = shared("arch_score_acc.csv");
        Assumptions.assumeTrue(nats.isPresent() && naswot.isPresent(), "../shared/nb201-table is not beside this checkout");
        Nb201Table t = TableImport.run(nats.get(), "ArchitectureString", List.of(
                new TableImport.Column("cifar10_test", "CIFAR10TestAccuracy200Epochs"),
                new TableImport.Column("cifar100_test", "CIFAR100TestAccuracy200Epochs"),
                new TableImport.Column("imagenet16_test", "ImageNetTestAccuracy200Epochs")), dir.resolve("nats.csv"));
        assertEquals(54.2967, t.value(ALL_SKIP, "cifar10_test").getAsDouble(), 1e-4);
        assertEquals(47.3111, t.value("|nor_conv_1x1~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|skip_connect~0|"
                + "nor_conv_3x3~1|nor_conv_3x3~2|", "imagenet16_test").getAsDouble(), 1e-4); // index 857, the best
        Nb201Table v = TableImport.run(naswot.get(), "arch_str", List.of(
                new TableImport.Column("cifar10valid_valid", "cifar10valid_valid"),
                new TableImport.Column("params_m", "params_M")), dir.resolve("naswot.csv"));
        // the NB201 paper's DARTS-V1 "valid 39.77", and the CIFAR-10 valid optimum 91.61 at rank 1
        assertEquals(39.77, v.value(ALL_SKIP, "cifar10valid_valid").getAsDouble(), 0.005);
        String best = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";
        assertEquals(91.6067, v.value(best, "cifar10valid_valid").getAsDouble(), 1e-4);
        assertEquals(1, v.rank(best, "cifar10valid_valid"));
    }
}
