package dev.naslab.api.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A table of NAS-Bench-201 results in naslab's format: a CSV file (UTF-8, comma-separated, no quoting) whose lines
 * starting with {@code #} are comments, whose first other line is the header {@code arch,<column>,<column>...}
 * (column names of lower-case letters, digits and {@code _}, e.g. {@code cifar10_test}), and whose rows give each
 * of the {@value Nb201Cell#CELLS} cells exactly once: its benchmark string ({@link Nb201Cell}), then one decimal
 * number per column or nothing where the table has no value. Accuracies are percentages; a column
 * {@value #PARAMS} holds parameters in millions. {@code naslab table import} writes such a file from any CSV.
 *
 * @since 0.2.3
 */
public final class Nb201Table {

    /** The header's first column. */
    public static final String ARCH = "arch";
    /** The column of parameter counts in millions, when the table has one. */
    public static final String PARAMS = "params_m";

    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final Path file;
    private final List<String> columns;
    private final Map<String, double[]> rows;
    private final Map<String, double[]> sorted = new HashMap<>();
    private final Map<String, double[]> uniqueSorted = new HashMap<>();
    private final Map<String, Map<String, Double>> uniqueMeans = new HashMap<>();

    private Nb201Table(Path file, List<String> columns, Map<String, double[]> rows) {
        this.file = file;
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    /**
     * Reads and checks {@code file}.
     *
     * @param file the table
     * @return the table
     * @throws IllegalArgumentException naming the file, the line and what is wrong (a bad string, a duplicate
     *         cell, a value that is not a number, missing cells)
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Nb201Table read(Path file) {
        List<String> columns = null;
        Map<String, double[]> rows = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String where = file + " line " + n;
                if (line.indexOf('"') >= 0) {
                    throw new IllegalArgumentException(where + ": quoted fields are not part of naslab's table format");
                }
                String[] f = line.split(",", -1);
                if (columns == null) {
                    columns = header(where, f);
                    continue;
                }
                if (f.length != columns.size() + 1) {
                    throw new IllegalArgumentException(where + " has " + f.length + " fields, the header "
                            + (columns.size() + 1));
                }
                String arch = f[0].strip();
                try {
                    Nb201Cell.parse(arch);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage());
                }
                Integer first = lineOf.putIfAbsent(arch, n);
                if (first != null) {
                    throw new IllegalArgumentException(where + ": " + arch + " is there already (line " + first + ")");
                }
                double[] v = new double[columns.size()];
                for (int c = 0; c < v.length; c++) {
                    String s = f[c + 1].strip();
                    if (s.isEmpty()) {
                        v[c] = Double.NaN;
                        continue;
                    }
                    try {
                        v[c] = Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        v[c] = Double.NaN;
                    }
                    if (Double.isNaN(v[c]) || Double.isInfinite(v[c])) {
                        throw new IllegalArgumentException(where + ": " + columns.get(c) + " '" + s + "' is not a number "
                                + "(leave the field empty where the table has no value)");
                    }
                }
                rows.put(arch, v);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException(file + " does not exist (naslab table import writes a table from any CSV)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (columns == null) {
            throw new IllegalArgumentException(file + " holds no header (arch,<column>,...) and no rows");
        }
        if (rows.size() != Nb201Cell.CELLS) {
            throw new IllegalArgumentException(file + " has " + rows.size() + " cell(s), NAS-Bench-201 has "
                    + Nb201Cell.CELLS + "; missing, e.g.: " + String.join(", ", missing(rows.keySet(), 3)));
        }
        return new Nb201Table(file, columns, rows);
    }

    private static List<String> header(String where, String[] f) {
        if (!f[0].strip().equals(ARCH)) {
            throw new IllegalArgumentException(where + ": the header's first column must be '" + ARCH + "', not '"
                    + f[0].strip() + "'");
        }
        List<String> columns = new ArrayList<>();
        for (int i = 1; i < f.length; i++) {
            String c = f[i].strip();
            if (!COLUMN.matcher(c).matches()) {
                throw new IllegalArgumentException(where + ": column name '" + c + "' is not lower-case letters, digits "
                        + "and '_' starting with a letter");
            }
            if (columns.contains(c)) {
                throw new IllegalArgumentException(where + ": column '" + c + "' is there twice");
            }
            columns.add(c);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(where + ": the header names no column besides '" + ARCH + "'");
        }
        return columns;
    }

    /**
     * {@return the first cells (in {@link Nb201Cell#all()}'s order) that {@code rows} lacks}
     *
     * @param rows the cells a table has
     * @param most how many to name at most
     */
    public static List<String> missing(java.util.Set<String> rows, int most) {
        return Nb201Cell.all().stream().filter(a -> !rows.contains(a)).limit(most).toList();
    }

    /**
     * Writes a table in naslab's format (to a temporary file first, then moved into place).
     *
     * @param file    where
     * @param comment a line for the file's head, e.g. where the numbers come from (without {@code #})
     * @param columns the columns after {@code arch}
     * @param rows    every cell's values, in {@code columns}' order (NaN: no value)
     * @throws IllegalArgumentException when the rows are not every cell once, or a column name is not allowed
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path file, String comment, List<String> columns, Map<String, double[]> rows) {
        header("columns", (ARCH + "," + String.join(",", columns)).split(",", -1));
        if (rows.size() != Nb201Cell.CELLS) {
            throw new IllegalArgumentException(rows.size() + " cell(s) given, NAS-Bench-201 has " + Nb201Cell.CELLS);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# naslab NAS-Bench-201 table (format 1)" + (comment == null ? "" : ": "
                        + comment.replace('\n', ' ')) + "\n");
                w.write(ARCH + "," + String.join(",", columns) + "\n");
                for (Map.Entry<String, double[]> r : rows.entrySet()) {
                    Nb201Cell.parse(r.getKey());
                    StringBuilder sb = new StringBuilder(r.getKey());
                    for (double v : r.getValue()) {
                        sb.append(',');
                        if (!Double.isNaN(v)) {
                            sb.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                                    : Double.toString(v));
                        }
                    }
                    w.write(sb.append('\n').toString());
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@return the file this table was read from} */
    public Path file() {
        return file;
    }

    /** {@return the value columns, in the file's order} */
    public List<String> columns() {
        return columns;
    }

    /**
     * {@return one value of one cell}
     *
     * @param arch   a benchmark string
     * @param column one of {@link #columns()}
     */
    public OptionalDouble value(String arch, String column) {
        double v = row(arch)[index(column)];
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * {@return every value of one cell, by column; columns without a value are left out}
     *
     * @param arch a benchmark string
     */
    public Map<String, Double> values(String arch) {
        double[] r = row(arch);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!Double.isNaN(r[c])) {
                out.put(columns.get(c), r[c]);
            }
        }
        return out;
    }

    /**
     * The cell's rank by {@code column} among all cells with a value: 1 is the best (highest) value, and cells with
     * equal values share a rank.
     *
     * @param arch   a benchmark string
     * @param column one of {@link #columns()}
     * @return 1 + the number of cells with a higher value; 0 when this cell has none
     */
    public int rank(String arch, String column) {
        double v = row(arch)[index(column)];
        return Double.isNaN(v) ? 0 : 1 + higher(sorted.computeIfAbsent(column, this::sortedValues), v);
    }

    /**
     * The rank of the function the cell computes: cells with the same {@link Nb201Cell#uniqueString} count once,
     * with the mean of their values (the benchmark trained each of them on its own).
     *
     * @param arch   a benchmark string
     * @param column one of {@link #columns()}
     * @return 1 + the number of distinct functions whose mean is higher; 0 when the cell has no value
     */
    public int uniqueRank(String arch, String column) {
        Map<String, Double> means = uniqueMeans.computeIfAbsent(column, this::means);
        Double v = means.get(Nb201Cell.uniqueString(arch));
        return v == null ? 0 : 1 + higher(uniqueSorted.computeIfAbsent(column, c -> means.values().stream()
                .mapToDouble(Double::doubleValue).sorted().toArray()), v);
    }

    /**
     * {@return how many cells of the table compute the same function as {@code arch} (itself included)}
     *
     * @param arch a benchmark string
     */
    public int isomorphs(String arch) {
        String u = Nb201Cell.uniqueString(arch);
        return (int) rows.keySet().stream().filter(a -> Nb201Cell.uniqueString(a).equals(u)).count();
    }

    private double[] row(String arch) {
        double[] r = rows.get(arch);
        if (r == null) {
            Nb201Cell.parse(arch); // says what is wrong with a string that is not a cell
            throw new IllegalArgumentException(file + " has no row for " + arch);
        }
        return r;
    }

    private int index(String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("'" + column + "' is not a column of " + file + " (columns: "
                    + String.join(", ", columns) + ")");
        }
        return c;
    }

    private double[] sortedValues(String column) {
        int c = index(column);
        return rows.values().stream().mapToDouble(r -> r[c]).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    private Map<String, Double> means(String column) {
        int c = index(column);
        Map<String, double[]> sums = new HashMap<>();
        rows.forEach((arch, r) -> {
            if (!Double.isNaN(r[c])) {
                double[] s = sums.computeIfAbsent(Nb201Cell.uniqueString(arch), k -> new double[2]);
                s[0] += r[c];
                s[1]++;
            }
        });
        Map<String, Double> out = new HashMap<>();
        sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
        return out;
    }

    /** How many of the ascending {@code values} are greater than {@code v}. */
    private static int higher(double[] values, double v) {
        int i = Arrays.binarySearch(values, v);
        if (i < 0) {
            return values.length - (-i - 1);
        }
        while (i < values.length && values[i] == v) {
            i++;
        }
        return values.length - i;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%d cells; %s)", file, rows.size(), String.join(", ", columns));
    }
}
