package dev.naslab.core.bench201;

import dev.naslab.api.bench.Nb201Cell;
import dev.naslab.api.bench.Nb201Table;
import dev.naslab.core.config.BenchmarkLookup;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The derived cell's benchmark numbers after a search epoch, for {@code metrics.jsonl}: {@code benchmark_acc}
 * (the experiment's {@code benchmark.metric}), {@code benchmark_rank} (1 = the table's best cell) and
 * {@code benchmark_metric} (which column, so a report can say what the curve is).
 */
public final class EpochLookup {

    private final Nb201Table table;
    private final String metric;

    private EpochLookup(Nb201Table table, String metric) {
        this.table = table;
        this.metric = metric;
    }

    /** The lookup an experiment asks for (its table read once). */
    public static EpochLookup of(BenchmarkLookup b) {
        return new EpochLookup(b.read(), b.metric());
    }

    /** The fields to add to an epoch's line for the derived architecture {@code text}; empty for a text that is not a cell. */
    public Map<String, Object> at(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            Nb201Cell.parse(text);
        } catch (IllegalArgumentException e) {
            return out;
        }
        table.value(text, metric).ifPresent(v -> {
            out.put("benchmark_acc", v);
            out.put("benchmark_rank", table.rank(text, metric));
        });
        out.put("benchmark_metric", metric + " (" + table.file().getFileName() + ")");
        return out;
    }
}
