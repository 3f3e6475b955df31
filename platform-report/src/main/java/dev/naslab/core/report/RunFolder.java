package dev.naslab.core.report;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.results.TrialStatus;
import com.fasterxml.jackson.databind.JsonNode;
import dev.naslab.core.UserException;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.results.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A run folder as {@code naslab run} leaves it, read for a report, also while the run is going:
 * finished trials with their results, running ones with the epochs they have logged so far.
 *
 * @param dir    the folder
 * @param name   the experiment's name (the folder's name if the file does not say)
 * @param trials every trial of the plan, in plan order
 */
public record RunFolder(Path dir, String name, List<Trial> trials) {

    /** The state of a trial whose {@code result.json} cannot be read. */
    public static final String UNREADABLE = "unreadable";

    /**
     * One trial's files.
     *
     * @param id        trial id
     * @param state     {@code done}, {@code failed}, {@code running} (started, no result), {@code pending}
     *                  or {@link #UNREADABLE}
     * @param result    its result, null until it has one
     * @param manifest  its manifest (provenance), null before it started
     * @param cells     the space's cell types from {@code cells.json} (empty if absent)
     * @param metrics   the search's per-epoch lines
     * @param selected  selector (or baseline) label → cell type → op per edge
     */
    public record Trial(String id, String state, TrialResult result, JsonNode manifest, List<CellInfo> cells,
            List<JsonNode> metrics, Map<String, Map<String, List<String>>> selected) {
    }

    /**
     * A cell type as the trial recorded it.
     *
     * @param name          cell type name
     * @param edges         {from, to} per edge
     * @param ops           candidate ops per edge
     * @param inputsPerNode inputs each node keeps (0: all)
     */
    public record CellInfo(String name, List<int[]> edges, List<List<String>> ops, int inputsPerNode) {
    }

    /** Reads {@code dir}; a folder that holds no run is a user error naming what was expected. */
    public static RunFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserException(dir + ": no such folder; give a run folder such as runs/quickstart "
                    + "(naslab run writes one per experiment)");
        }
        try {
            List<String> ids = planned(dir);
            if (ids.isEmpty()) {
                throw new UserException(dir + " holds no naslab run: no plan.json and no trial folders with "
                        + "trial.json; give a folder written by naslab run, such as runs/quickstart");
            }
            String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
            Path experiment = dir.resolve(RunLayout.EXPERIMENT);
            if (Files.isRegularFile(experiment)) {
                JsonNode n = Mappers.YAML.readTree(experiment.toFile());
                if (n != null && n.path("name").isTextual()) {
                    name = n.get("name").asText();
                }
            }
            List<Trial> trials = new ArrayList<>();
            for (String id : ids) {
                trials.add(trial(dir.resolve(id), id));
            }
            return new RunFolder(dir, name, trials);
        } catch (IOException e) {
            throw new UserException(dir + ": cannot read the run: " + e.getMessage());
        }
    }

    private static List<String> planned(Path dir) throws IOException {
        Path plan = dir.resolve(RunLayout.PLAN);
        List<String> ids = new ArrayList<>();
        if (Files.isRegularFile(plan)) {
            for (JsonNode n : Mappers.JSON.readTree(plan.toFile())) {
                if (!n.isTextual() || !dev.naslab.core.plan.TrialSpec.isValidId(n.asText())) {
                    throw new UserException(plan + " lists '" + n.asText() + "', which is not a trial id ("
                            + dev.naslab.core.plan.TrialSpec.ID_RULE + "); was the file edited?");
                }
                ids.add(n.asText());
            }
            return ids;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p.resolve(RunLayout.TRIAL_SPEC))).sorted()
                    .forEach(p -> ids.add(p.getFileName().toString()));
        }
        return ids;
    }

    private static Trial trial(Path dir, String id) throws IOException {
        TrialResult result = null;
        Path resultFile = dir.resolve(RunLayout.RESULT);
        boolean unreadable = false;
        if (Files.isRegularFile(resultFile)) {
            try {
                result = Mappers.JSON.readValue(resultFile.toFile(), TrialResult.class);
            } catch (IOException e) {
                unreadable = true; // the report says so by name; naslab run re-runs the trial
            }
        }
        String state = unreadable ? UNREADABLE : result != null ? (result.status() == TrialStatus.FAILED ? "failed" : "done")
                : Files.isRegularFile(dir.resolve(RunLayout.MANIFEST)) ? "running" : "pending";
        JsonNode manifest = json(dir.resolve(RunLayout.MANIFEST));
        List<CellInfo> cells = new ArrayList<>();
        JsonNode c = json(dir.resolve(RunLayout.CELLS));
        if (c != null) {
            for (JsonNode t : c) {
                List<int[]> edges = new ArrayList<>();
                t.path("edges").forEach(e -> edges.add(new int[] {e.get(0).asInt(), e.get(1).asInt()}));
                List<List<String>> ops = new ArrayList<>();
                t.path("ops").forEach(l -> {
                    List<String> names = new ArrayList<>();
                    l.forEach(x -> names.add(x.asText()));
                    ops.add(names);
                });
                cells.add(new CellInfo(t.path("name").asText(), edges, ops, t.path("inputs_per_node").asInt()));
            }
        }
        List<JsonNode> metrics = new ArrayList<>();
        Path m = dir.resolve(RunLayout.SEARCH).resolve(RunLayout.METRICS);
        if (Files.isRegularFile(m)) {
            for (String line : Files.readAllLines(m)) {
                if (!line.isBlank()) {
                    try {
                        metrics.add(Mappers.JSON.readTree(line));
                    } catch (IOException e) {
                        // a line being written while we read: the next report will have it
                    }
                }
            }
        }
        Map<String, Map<String, List<String>>> selected = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    String f = p.getFileName().toString();
                    JsonNode a = json(p.resolve(RunLayout.ARCHITECTURE));
                    if (a == null || !(f.startsWith(RunLayout.SELECT_PREFIX) || f.equals(RunLayout.BASELINE))) {
                        continue;
                    }
                    String label = f.equals(RunLayout.BASELINE) ? a.path("label").asText() : f.substring(RunLayout.SELECT_PREFIX.length());
                    Map<String, List<String>> cellOps = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = a.path("cells").fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> e = it.next();
                        List<String> ops = new ArrayList<>();
                        e.getValue().forEach(x -> ops.add(x.asText()));
                        cellOps.put(e.getKey(), ops);
                    }
                    selected.put(label, cellOps);
                }
            }
        }
        return new Trial(id, state, result, manifest, cells, metrics, selected);
    }

    private static JsonNode json(Path p) {
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try {
            return Mappers.JSON.readTree(p.toFile());
        } catch (IOException e) {
            return null;
        }
    }
}
