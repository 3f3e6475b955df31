package dev.naslab.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.Suggestions;
import dev.naslab.core.plugin.Kind;
import dev.naslab.core.plugin.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads an experiment file, applies overrides and validates everything before anything runs,
 * collecting every problem: malformed YAML (line and column), unknown keys (closest valid key),
 * wrong types and ranges (key path, allowed values), unknown plugin ids (installed ids), dataset
 * files, and settings a space cannot build for the dataset. The order: YAML, duplicate keys,
 * {@code --set} overrides and the sweep; then every sweep variant ({@link ScalarKeys},
 * {@link ComponentReader}, {@link PluginChecks}); then the baselines ({@link BaselineReader}). A
 * stage reports all of its problems; a later stage runs only when the earlier ones found none.
 */
public final class ExperimentLoader {

    static final List<String> TOP_KEYS = List.of("name", "engine", "device", "threads", "seeds", "dataset",
            "space", "search", "selection", "evaluation", "output", "sweep", "architectures", BenchmarkLookup.KEY,
            "layout", Diagnostics.KEY);
    static final List<String> ENGINES = List.of("pytorch", "mxnet");
    /** {@code layout:} values; {@code dev.naslab.api.nn.Ops.Layout} in lower case. */
    static final List<String> LAYOUTS = List.of("auto", "nchw", "channels_last");
    static final List<String> DEVICES = List.of("auto", "cpu", "gpu");

    private final ComponentReader components;
    private Consumer<String> dataElsewhere;

    public ExperimentLoader(Registry registry) {
        this.components = new ComponentReader(registry);
    }

    /**
     * The data is read on other machines (a cluster's workers): a dataset this machine cannot read
     * is reported to {@code warn} instead of failing validation, and the spaces are not checked
     * against its shape here; each trial checks both where it runs.
     */
    public ExperimentLoader dataElsewhere(Consumer<String> warn) {
        this.dataElsewhere = warn;
        return this;
    }

    /** Loads and validates {@code file} with {@code sets} overrides: every sweep variant and baseline. */
    public Study load(Path file, List<String> sets) throws ConfigException {
        return parseStudy(file.toString(), read(file), sets);
    }

    /** The text of an experiment file; a missing or unreadable file is a problem of the file. */
    public static String read(Path file) throws ConfigException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "", "file not found");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read: " + e.getMessage());
        }
    }

    /** Validates the text of an experiment without a sweep (a trial's resolved experiment). */
    public Experiment parse(String source, String text, List<String> sets) throws ConfigException {
        Study s = parseStudy(source, text, sets);
        if (s.variants().size() != 1) {
            throw new ConfigException(source, "sweep", "a single experiment was expected here");
        }
        return s.variants().get(0).experiment();
    }

    /** Validates experiment text (the file's content): the sweep expanded, each variant and baseline checked. */
    public Study parseStudy(String source, String text, List<String> sets) throws ConfigException {
        JsonNode tree;
        try {
            tree = Mappers.YAML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
            throw new ConfigException(source, "", "malformed YAML" + where + ": " + yamlReason(e.getOriginalMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = Mappers.YAML.createObjectNode();
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new ConfigException(source, "", "an experiment must be a YAML mapping of keys such as name, "
                    + "dataset, space, search; found " + tree.getNodeType().toString().toLowerCase());
        }
        List<Problem> problems = new ArrayList<>(DuplicateKeys.in(text));
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        Overrides.apply(root, sets, problems);
        JsonNode sweepNode = root.remove("sweep");
        JsonNode architecturesNode = root.remove("architectures");
        Sweep sweep = Sweep.parse(sweepNode, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        List<Map<String, JsonNode>> points = sweep.points();
        List<Variant> variants = new ArrayList<>();
        List<List<Problem>> perPoint = new ArrayList<>();
        for (Map<String, JsonNode> point : points) {
            ObjectNode copy = root.deepCopy();
            List<Problem> found = new ArrayList<>();
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> v : point.entrySet()) {
                Overrides.set(copy, v.getKey(), v.getValue(), "sweep." + v.getKey(), found);
                values.put(v.getKey(), Sweep.text(v.getValue()));
            }
            Experiment e = validate(source, copy, found);
            perPoint.add(found);
            if (e != null && found.isEmpty()) {
                variants.add(new Variant(sweep.label(point), values, e));
            }
        }
        problems.addAll(sweep.problems(points, perPoint));
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        List<Baseline> baselines = BaselineReader.read(architecturesNode, variants, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        Experiment first = variants.get(0).experiment();
        ObjectNode resolved = first.resolved().deepCopy();
        if (sweepNode != null && !sweep.isEmpty()) {
            resolved.set("sweep", sweepNode);
        }
        if (!baselines.isEmpty()) {
            ArrayNode a = resolved.putArray("architectures");
            for (Baseline b : baselines) {
                a.addObject().put("label", b.label()).put("space", b.space()).put("architecture", b.architecture());
            }
        }
        return new Study(source, first.name(), first.output(), variants, baselines, resolved);
    }

    /** SnakeYAML's message without its multi-line source excerpts: "while …; expected …". */
    static String yamlReason(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines().map(String::strip)
                .filter(x -> !x.isEmpty() && !x.startsWith("in 'reader'") && !x.equals("^"))
                .filter(x -> message.lines().anyMatch(orig -> orig.equals(x)))
                .reduce((a, b) -> a + "; " + b).orElse(message.strip());
    }

    private Experiment validate(String source, ObjectNode root, List<Problem> problems) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!TOP_KEYS.contains(k)) {
                problems.add(new Problem(k, "unknown key" + Suggestions.hint(k, TOP_KEYS) + "; allowed: "
                        + String.join(", ", TOP_KEYS)));
            }
        }
        String name = ScalarKeys.text(root, "name", problems, null);
        if (name == null) {
            problems.add(new Problem("name", "required: a short name such as quickstart (it names runs/<name>/)"));
        } else if (!name.matches("[A-Za-z0-9._-]+")) {
            problems.add(new Problem("name", "'" + name + "' may only contain letters, digits, '.', '_' and '-'"));
        }
        String engine = ScalarKeys.choice(root, "engine", ENGINES, "pytorch", problems);
        String device = ScalarKeys.choice(root, "device", DEVICES, "auto", problems);
        String layout = ScalarKeys.choice(root, "layout", LAYOUTS, "auto", problems);
        int threads = ScalarKeys.positiveInt(root, "threads", Runtime.getRuntime().availableProcessors(), problems);
        List<Long> seeds = ScalarKeys.seeds(root, problems);

        Optional<Component> dataset = components.single(root, Kind.DATASET, true, problems);
        List<Component> spaces = components.list(root, Kind.SPACE, true, problems);
        List<Component> selection = components.list(root, Kind.SELECTOR, true, problems);
        List<SearchSpec> searches = components.searches(root, selection, problems);
        List<Component> evaluation = components.list(root, Kind.EVALUATOR, false, problems);
        Path output = ScalarKeys.output(root, name, problems);

        dataset.ifPresent(d -> PluginChecks.dataAndSpaces(d, spaces, dataElsewhere, problems));
        PluginChecks.evaluatorsAgainstSpaces(evaluation, spaces, problems);
        if (problems.isEmpty()) {
            PluginChecks.searchesAgainstSpaces(searches, spaces, problems);
        }
        BenchmarkLookup benchmark = BenchmarkLookup.parse(root, spaces, problems);
        Diagnostics diagnostics = Diagnostics.parse(root, problems);
        searches = EarlyStopBlock.attach(root.get("search"), searches, diagnostics, spaces, problems);
        if (!problems.isEmpty() || dataset.isEmpty()) {
            return null;
        }
        ObjectNode resolved = Mappers.YAML.createObjectNode();
        resolved.put("name", name);
        resolved.put("engine", engine);
        resolved.put("device", device);
        resolved.put("threads", threads);
        resolved.put("layout", layout);
        ArrayNode seedNode = resolved.putArray("seeds");
        seeds.forEach(seedNode::add);
        resolved.set("dataset", dataset.get().resolved());
        resolved.set("space", array(spaces));
        ArrayNode searchNode = resolved.putArray("search");
        for (SearchSpec s : searches) {
            ObjectNode n = s.optimizer().resolved();
            n.put(SearchSpec.CHECKPOINT_EVERY, s.checkpointEvery());
            if (s.earlyStop() != null) {
                n.set(SearchSpec.EARLY_STOP, Mappers.YAML.valueToTree(s.earlyStop().resolved()));
            }
            if (s.selection() != selection) {
                n.set("selection", array(s.selection()));
            }
            searchNode.add(n);
        }
        resolved.set("selection", array(selection));
        resolved.set("evaluation", array(evaluation));
        resolved.put("output", output.toString());
        if (benchmark != null) {
            resolved.set(BenchmarkLookup.KEY, benchmark.resolved());
        }
        if (diagnostics != null) {
            resolved.set(Diagnostics.KEY, diagnostics.resolved());
        }
        return new Experiment(source, name, engine, device, threads, seeds, dataset.get(), spaces, searches,
                evaluation, output, resolved, benchmark, layout, diagnostics);
    }

    private static ArrayNode array(List<Component> cs) {
        ArrayNode a = Mappers.YAML.createArrayNode();
        cs.forEach(c -> a.add(c.resolved()));
        return a;
    }
}
