package dev.naslab.core.bench201;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.naslab.api.bench.Nb201Cell;
import dev.naslab.api.bench.Nb201Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns any CSV with a NAS-Bench-201 architecture-string column into naslab's table format ({@link Nb201Table}),
 * checking it on the way: every problem names the CSV's line (a bad string, a duplicate cell, a value that is not
 * a number) or the cells that are missing.
 */
public final class TableImport {

    /** A column to keep: {@code key} in the table, {@code source} in the CSV. */
    public record Column(String key, String source) {
    }

    private TableImport() {
    }

    /**
     * Reads {@code csv} and writes {@code out} (which must not exist: naslab does not replace files).
     *
     * @return the table as written, read back
     */
    public static Nb201Table run(Path csv, String archColumn, List<Column> columns, Path out) {
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists; naslab does not replace files: choose another name");
        }
        Map<String, double[]> rows = new LinkedHashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv.toFile())) {
            if (!it.hasNext()) {
                throw new IllegalArgumentException(csv + " is empty");
            }
            String[] header = it.next();
            int arch = index(csv, header, archColumn, "--arch-column");
            int[] src = new int[columns.size()];
            for (int c = 0; c < src.length; c++) {
                src[c] = index(csv, header, columns.get(c).source(), "--column " + columns.get(c).key());
            }
            while (it.hasNext()) {
                long line = it.getCurrentLocation().getLineNr();
                String[] f = it.next();
                if (f.length == 1 && f[0].isBlank()) {
                    continue;
                }
                String where = csv + " line " + line;
                if (arch >= f.length) {
                    throw new IllegalArgumentException(where + " has " + f.length + " fields, no " + archColumn);
                }
                String a = f[arch].strip();
                try {
                    Nb201Cell.parse(a);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage());
                }
                Long first = lineOf.putIfAbsent(a, line);
                if (first != null) {
                    throw new IllegalArgumentException(where + ": " + a + " is there already (line " + first + ")");
                }
                double[] v = new double[src.length];
                for (int c = 0; c < src.length; c++) {
                    String s = src[c] < f.length ? f[src[c]].strip() : "";
                    v[c] = number(where, columns.get(c).source(), s);
                }
                rows.put(a, v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new IllegalArgumentException("cannot read " + csv + " as CSV: " + io.getMessage());
            }
            throw e;
        }
        if (rows.size() != Nb201Cell.CELLS) {
            throw new IllegalArgumentException(csv + " has " + rows.size() + " cell(s), NAS-Bench-201 has "
                    + Nb201Cell.CELLS + "; missing, e.g.: " + String.join(", ", Nb201Table.missing(rows.keySet(), 3)));
        }
        Nb201Table.write(out, "imported from " + csv.getFileName() + " (" + columns.stream()
                .map(c -> c.key() + "=" + c.source()).reduce((x, y) -> x + ", " + y).orElse("") + ")",
                columns.stream().map(Column::key).toList(), rows);
        return Nb201Table.read(out);
    }

    private static int index(Path csv, String[] header, String name, String option) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(option + ": " + csv + " has no column '" + name + "' (its header: "
                + String.join(", ", header) + ")");
    }

    private static double number(String where, String column, String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isInfinite(v) && !Double.isNaN(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(where + ": " + column + " '" + s + "' is not a number");
    }
}
