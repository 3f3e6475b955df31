package dev.naslab.core.select;

import dev.naslab.core.results.RunLayout;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.naslab.api.ArchitectureSelector;
import dev.naslab.api.base.Progress;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.base.Rng;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.evaluate.EvaluationRunner.NetworkFactory;
import dev.naslab.core.search.SupernetCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The selection stage for one selector: a fresh supernet loaded from the search's final
 * checkpoint (so every selector sees the same trained supernet), the selector's choice, and the
 * validation accuracy of the supernet projected onto that choice. Writes
 * {@code select-<label>/architecture.json}; a finished selection is not run again.
 */
public final class SelectionRunner {

    /**
     * A selection's result.
     *
     * @param architecture          the chosen architecture
     * @param text                  its string in the space's format
     * @param projectedValidAccuracy supernet validation accuracy with every edge fixed to the choice (%)
     * @param seconds               selection time
     */
    public record Selected(Architecture architecture, String text, double projectedValidAccuracy, double seconds) {
    }

    private final Function<Architecture, String> format;
    private final Function<String, Architecture> parse;
    private final NetworkFactory networks;

    public SelectionRunner(Function<Architecture, String> format, Function<String, Architecture> parse,
            NetworkFactory networks) {
        this.format = format;
        this.parse = parse;
        this.networks = networks;
    }

    public <S extends Record> Selected run(ArchitectureSelector<S> selector, S settings, String label,
            Supplier<Supernet> supernets, Path searchCheckpoint, DataSplits data, int batchSize, long seed,
            Path trialDir, Progress progress, NDManager root) throws IOException {
        Path dir = trialDir.resolve(RunLayout.SELECT_PREFIX + label);
        Path done = dir.resolve(RunLayout.ARCHITECTURE);
        if (Files.isRegularFile(done)) {
            JsonNode n = Mappers.JSON.readTree(done.toFile());
            return new Selected(parse.apply(n.get("architecture").asText()), n.get("architecture").asText(),
                    n.get("projected_valid_acc").asDouble(), n.get("select_seconds").asDouble());
        }
        Files.createDirectories(dir);
        try (Supernet net = supernets.get()) {
            SupernetCheckpoint.Loaded loaded = SupernetCheckpoint.load(searchCheckpoint, net);
            HostSelectionContext ctx = new HostSelectionContext(net, data, batchSize, seed,
                    Rng.derive(seed, "select/" + label), dir, progress, loaded, format, networks, root);
            Architecture a = selector.select(ctx, settings);
            double seconds = ctx.seconds();
            project(net.arch(), a);
            double projected = ctx.evaluateValid().accuracy();
            String text = format.apply(a);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("selector", selector.id());
            out.put("architecture", text);
            out.put("cells", a.cells());
            out.put("projected_valid_acc", projected);
            out.put("select_seconds", seconds);
            AtomicFiles.writeJson(done, out);
            return new Selected(a, text, projected, seconds);
        }
    }

    /**
     * Fixes every edge of {@code arch} to the op {@code a} chose (or removes it). An edge that keeps
     * several ops cannot be fixed (a decision is one op): it stays mixed with every other op masked, so
     * its kept ops count with their mixing weights, not with weight 1.
     */
    static void project(ArchState arch, Architecture a) {
        arch.clearMasks();
        for (CellType c : arch.cellTypes()) {
            List<String> ops = a.ops(c.name());
            for (int e = 0; e < ops.size(); e++) {
                List<String> kept = Architecture.opsOf(ops.get(e));
                if (Architecture.REMOVED.equals(ops.get(e))) {
                    arch.removeEdge(c.name(), e);
                } else if (kept.size() > 1) {
                    for (int k = 0; k < c.ops(e).size(); k++) {
                        if (!kept.contains(c.ops(e).get(k))) {
                            arch.mask(c.name(), e, k);
                        }
                    }
                } else {
                    arch.fixOp(c.name(), e, c.opIndex(e, ops.get(e)));
                }
            }
        }
    }
}
