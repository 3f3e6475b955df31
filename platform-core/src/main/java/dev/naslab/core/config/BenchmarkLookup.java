package dev.naslab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.bench.Nb201Cell;
import dev.naslab.api.bench.Nb201Table;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The experiment key {@code benchmark: {table: FILE, metric: COLUMN}}: after every search epoch the derived cell is
 * looked up in a NAS-Bench-201 table (naslab's format) and its benchmark accuracy goes to {@code metrics.jsonl}
 * (and the report's curves), whatever data the search runs on.
 *
 * @param table  the table file as given (relative paths resolve against the folder naslab runs in)
 * @param metric the column looked up, default {@code cifar10_test}
 */
public record BenchmarkLookup(String table, String metric) {

    static final String KEY = "benchmark";
    private static final List<String> KEYS = List.of("table", "metric");

    /** The key's value, checked (the table read, the metric a column, every space's cells NAS-Bench-201 cells). */
    static BenchmarkLookup parse(ObjectNode root, List<Component> spaces, List<Problem> problems) {
        Optional<JsonNode> block = HostBlock.read(root, KEY, KEYS, "{table: nb201.csv, metric: cifar10_test}", problems);
        if (block.isEmpty()) {
            return null;
        }
        JsonNode n = block.get();
        JsonNode t = n.get("table");
        if (t == null || !t.isTextual() || t.asText().isBlank()) {
            problems.add(new Problem(KEY + ".table", "required: a NAS-Bench-201 table in naslab's format (write one "
                    + "with naslab table import)"));
            return null;
        }
        JsonNode m = n.get("metric");
        if (m != null && !m.isTextual()) {
            problems.add(new Problem(KEY + ".metric", "must be a column name such as cifar10_test"));
            return null;
        }
        BenchmarkLookup b = new BenchmarkLookup(t.asText(), m == null ? "cifar10_test" : m.asText());
        Nb201Table table;
        try {
            table = b.read();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            problems.add(new Problem(KEY + ".table", e.getMessage()));
            return null;
        }
        if (!table.columns().contains(b.metric())) {
            problems.add(new Problem(KEY + ".metric", "'" + b.metric() + "' is not a column of " + table.file()
                    + " (columns: " + String.join(", ", table.columns()) + ")"));
        }
        for (Component c : spaces) {
            String sample = sampleArchitecture(c);
            try {
                Nb201Cell.parse(sample);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(KEY, "looks up NAS-Bench-201 cells, and space " + c.label() + "'s "
                        + "architectures are not ('" + sample + "'); use it with space nas-bench-201"));
            }
        }
        return b;
    }

    /** The space's text for an architecture of each edge's first op: a NAS-Bench-201 string if the space is one. */
        private static String sampleArchitecture(Component space) {
        SearchSpace<Record> s = space.extension(SearchSpace.class);
        Map<String, List<String>> cells = new LinkedHashMap<>();
        for (CellType c : (List<CellType>) s.cellTypes(space.settings())) {
            List<String> ops = new ArrayList<>();
            for (int e = 0; e < c.edges().size(); e++) {
                ops.add(c.edgeOps().get(e).get(0));
            }
            cells.put(c.name(), ops);
        }
        try {
            return s.format(new Architecture(cells), space.settings());
        } catch (RuntimeException e) {
            return String.valueOf(cells);
        }
    }

    /** Reads the table. */
    public Nb201Table read() {
        return Nb201Table.read(Path.of(table));
    }

    /** For the resolved experiment. */
    ObjectNode resolved() {
        ObjectNode o = Mappers.YAML.createObjectNode();
        o.put("table", table);
        o.put("metric", metric);
        return o;
    }
}
