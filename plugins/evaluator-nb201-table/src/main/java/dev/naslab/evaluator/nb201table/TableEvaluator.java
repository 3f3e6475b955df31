package dev.naslab.evaluator.nb201table;

import dev.naslab.api.Evaluator;
import dev.naslab.api.bench.Nb201Cell;
import dev.naslab.api.bench.Nb201Table;
import dev.naslab.api.eval.Evaluation;
import dev.naslab.api.eval.EvaluationContext;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.TrainingFeature;
import dev.naslab.api.plan.Workload;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Looks the selected cell up in a NAS-Bench-201 table: the {@code metric} column is the test accuracy, every other
 * column a further metric, with the cell's rank among the 15,625 cells ({@code rank}), among the distinct functions
 * they compute ({@code rank_unique}, NATS-Bench's unique string) and how many cells compute its function
 * ({@code isomorphs}). Parameters come from a {@code params_m} column when the table has one (millions, for the
 * benchmark's own network), else 0. Nothing is trained: the numbers are the benchmark's, whatever data the search
 * ran on.
 */
@Extension
public final class TableEvaluator implements Evaluator<TableSettings> {

    private static final String CELL = "cell";

    /** Tables read once per JVM, again when the file changes. */
    private static final Map<Path, Cached> TABLES = new LinkedHashMap<>();

    private record Cached(FileTime modified, Nb201Table table) {
    }

    @Override
    public String id() {
        return "nb201-table";
    }

    @Override
    public Class<TableSettings> settingsClass() {
        return TableSettings.class;
    }

    @Override
    public String description() {
        return "look the selected NAS-Bench-201 cell up in a benchmark table (test accuracy, rank) instead of training it";
    }

    @Override
    public List<String> check(TableSettings s, Set<TrainingFeature> supported) {
        Nb201Table t;
        try {
            t = table(s.table());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return List.of("table: " + e.getMessage());
        }
        if (!t.columns().contains(s.metric())) {
            return List.of("metric: '" + s.metric() + "' is not a column of " + t.file() + " (columns: "
                    + String.join(", ", t.columns()) + ")");
        }
        return List.of();
    }

    /** No training and no pass over data. */
    @Override
    public Optional<Workload> workload(TableSettings s) {
        return Optional.of(new Workload(0, 0, 0, false));
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context, TableSettings s) {
        Nb201Table t = table(s.table());
        String arch = cell(architecture);
        Map<String, Double> metrics = new LinkedHashMap<>();
        t.values(arch).forEach((k, v) -> {
            if (!k.equals(s.metric())) {
                metrics.put(k, v);
            }
        });
        metrics.put("rank", (double) t.rank(arch, s.metric()));
        metrics.put("rank_unique", (double) t.uniqueRank(arch, s.metric()));
        metrics.put("isomorphs", (double) t.isomorphs(arch));
        double acc = t.value(arch, s.metric()).orElse(Double.NaN);
        long params = 0;
        if (t.columns().contains(Nb201Table.PARAMS)) {
            params = Math.round(t.value(arch, Nb201Table.PARAMS).orElse(0) * 1e6);
            metrics.remove(Nb201Table.PARAMS);
        }
        return new Evaluation(acc, Double.NaN, params, metrics);
    }

    /** The benchmark string of a NAS-Bench-201 architecture, or a message saying why this is not one. */
    static String cell(Architecture a) {
        List<String> ops = a.cells().get(CELL);
        if (a.cells().size() != 1 || ops == null || ops.size() != Nb201Cell.EDGES) {
            throw new dev.naslab.api.model.UnsupportedArchitectureException("nb201-table looks up NAS-Bench-201 cells (one cell type '" + CELL
                    + "' with 6 edges); this architecture has cell type(s) " + a.cells().keySet()
                    + ": use it with space nas-bench-201");
        }
        if (a.hasMultiOpEdges()) {
            throw new dev.naslab.api.model.UnsupportedArchitectureException("nb201-table looks up NAS-Bench-201 cells, one op per edge; this cell keeps "
                    + "several ops on an edge (" + String.join(", ", ops.stream().filter(o -> o.contains(Architecture.AND))
                            .toList()) + "), which the benchmark never trained: evaluate it with train");
        }
        return Nb201Cell.format(ops);
    }

    private static synchronized Nb201Table table(String file) {
        Path p = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(p + " is not a file (naslab table import writes a table from any CSV)");
        }
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(p);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
        Cached c = TABLES.get(p);
        if (c == null || !c.modified().equals(modified)) {
            c = new Cached(modified, Nb201Table.read(p));
            TABLES.put(p, c);
        }
        return c.table();
    }
}
