package dev.naslab.core.config;

import dev.naslab.api.Suggestions;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.DatasetProvider;
import dev.naslab.api.Evaluator;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.model.TrainingFeature;
import dev.naslab.api.data.DatasetInfo;
import dev.naslab.core.plugin.Kind;
import dev.naslab.core.plugin.PluginEntry;
import dev.naslab.core.plugin.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an experiment file, applies overrides and validates everything before anything runs,
 * collecting every problem: malformed YAML (line and column), unknown keys (closest valid key),
 * wrong types and ranges (key path, allowed values), unknown plugin ids (installed ids), dataset
 * files, and settings a space cannot build for the dataset.
 */
public final class ExperimentLoader {

    static final List<String> TOP_KEYS = List.of("name", "engine", "device", "threads", "seeds", "dataset",
            "space", "search", "selection", "evaluation", "output", "sweep", "architectures", BenchmarkLookup.KEY,
            "layout");
    static final List<String> ENGINES = List.of("pytorch", "mxnet");
    /** {@code layout:} values; {@code dev.naslab.api.nn.Ops.Layout} in lower case. */
    static final List<String> LAYOUTS = List.of("auto", "nchw", "channels_last");
    static final List<String> DEVICES = List.of("auto", "cpu", "gpu");
    private static final String SEED_RANGE = "is out of range: a seed is a 64-bit integer, from " + Long.MIN_VALUE
            + " to " + Long.MAX_VALUE;

    private final Registry registry;
    private java.util.function.Consumer<String> dataElsewhere;

    public ExperimentLoader(Registry registry) {
        this.registry = registry;
    }

    /**
     * The data is read on other machines (a cluster's workers): a dataset this machine cannot read
     * is reported to {@code warn} instead of failing validation, and the spaces are not checked
     * against its shape here; each trial checks both where it runs.
     */
    public ExperimentLoader dataElsewhere(java.util.function.Consumer<String> warn) {
        this.dataElsewhere = warn;
        return this;
    }

    /** Loads and validates {@code file} with {@code sets} overrides: every sweep variant and baseline. */
    public Study load(Path file, List<String> sets) throws ConfigException {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "", "file not found");
        } catch (IOException e) {
            throw new ConfigException(source, "", "cannot read: " + e.getMessage());
        }
        return parseStudy(source, text, sets);
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
        List<Baseline> baselines = baselines(architecturesNode, variants, problems);
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

    /**
     * The {@code architectures:} block: each entry a published name (DARTS_V2, all_skip), an
     * architecture string, or {@code {architecture: ..., label: ..., space: ...}}; checked against
     * every space it applies to (all spaces unless it names one), in every variant.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Baseline> baselines(JsonNode node, List<Variant> variants, List<Problem> problems) {
        List<Baseline> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(new Problem("architectures", "must be a list of architectures: published names such as "
                    + "DARTS_V2, architecture strings, or {architecture: ..., label: ..., space: ...}"));
            return out;
        }
        List<Component> spaces = variants.get(0).experiment().spaces();
        List<String> spaceLabels = spaces.stream().map(Component::label).toList();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "architectures[" + i + "]";
            JsonNode entry = node.get(i);
            String text;
            String label = null;
            String only = null;
            if (entry.isTextual()) {
                text = entry.asText();
            } else if (entry instanceof ObjectNode o && o.path("architecture").isTextual()) {
                text = o.get("architecture").asText();
                for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
                    String k = it.next();
                    if (!List.of("architecture", "label", "space").contains(k)) {
                        problems.add(new Problem(path + "." + k, "unknown key" + Suggestions.hint(k,
                                List.of("architecture", "label", "space")) + "; allowed: architecture, label, space"));
                    }
                }
                if (o.has("label")) {
                    label = o.get("label").asText();
                    if (!label.matches("[A-Za-z0-9._-]+")) {
                        problems.add(new Problem(path + ".label", "'" + label
                                + "' must be a name of letters, digits, '.', '_' and '-'"));
                        continue;
                    }
                }
                if (o.has("space")) {
                    only = o.get("space").asText();
                    if (!spaceLabels.contains(only)) {
                        problems.add(new Problem(path + ".space", "no space is labelled '" + only + "'"
                                + Suggestions.hint(only, spaceLabels) + "; spaces: " + String.join(", ", spaceLabels)));
                        continue;
                    }
                }
            } else {
                problems.add(new Problem(path, "must be a published name (e.g. DARTS_V2), an architecture string, "
                        + "or {architecture: ..., label: ..., space: ...}"));
                continue;
            }
            for (int s = 0; s < spaces.size(); s++) {
                Component space = spaces.get(s);
                if (only != null && !only.equals(space.label())) {
                    continue;
                }
                String resolvedArch = null;
                String published = null;
                for (Variant v : variants) {
                    Component c = v.experiment().spaces().get(s);
                    SearchSpace sp = (SearchSpace) c.entry().extension();
                    Map<String, String> names = sp.publishedArchitectures(c.settings());
                    Optional<String> name = names.keySet().stream().filter(n -> n.equalsIgnoreCase(text)).findFirst();
                    String literal = name.map(names::get).orElse(text);
                    try {
                        String formatted = sp.format(sp.parse(literal, c.settings()), c.settings());
                        if (resolvedArch == null) {
                            resolvedArch = formatted;
                            published = name.orElse(null);
                        }
                    } catch (RuntimeException ex) {
                        String where = path + (entry.isTextual() ? "" : ".architecture");
                        boolean spaceSwept = v.values().keySet().stream().anyMatch(k -> k.startsWith("space"));
                        String variant = spaceSwept ? " (sweep variant " + v.label() + ")" : "";
                        if (name.isEmpty() && text.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
                            problems.add(new Problem(where, "unknown architecture '" + text + "' for space "
                                    + space.label() + Suggestions.hint(text, List.copyOf(names.keySet()))
                                    + "; published names: " + (names.isEmpty() ? "(none)" : String.join(", ",
                                    names.keySet())) + ", or give an architecture string" + variant));
                        } else {
                            problems.add(new Problem(where, "not an architecture of space " + space.label() + ": "
                                    + ex.getMessage() + variant));
                        }
                        resolvedArch = null;
                        break;
                    }
                }
                if (resolvedArch == null) {
                    continue;
                }
                String finalLabel = label != null ? label : published != null ? published : "baseline" + i;
                if (!labels.add(space.label() + "/" + finalLabel)) {
                    problems.add(new Problem(path, "two architectures are named '" + finalLabel + "' for space "
                            + space.label() + ": give each a distinct 'label'"));
                    continue;
                }
                out.add(new Baseline(finalLabel, space.label(), resolvedArch));
            }
        }
        return out;
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
        String name = text(root, "name", problems, null);
        if (name == null) {
            problems.add(new Problem("name", "required: a short name such as quickstart (it names runs/<name>/)"));
        } else if (!name.matches("[A-Za-z0-9._-]+")) {
            problems.add(new Problem("name", "'" + name + "' may only contain letters, digits, '.', '_' and '-'"));
        }
        String engine = choice(root, "engine", ENGINES, "pytorch", problems);
        String device = choice(root, "device", DEVICES, "auto", problems);
        String layout = choice(root, "layout", LAYOUTS, "auto", problems);
        int threads = positiveInt(root, "threads", Runtime.getRuntime().availableProcessors(), problems);
        List<Long> seeds = seeds(root, problems);

        Optional<Component> dataset = single(root, Kind.DATASET, true, problems);
        List<Component> spaces = list(root, Kind.SPACE, true, false, problems);
        List<Component> selection = list(root, Kind.SELECTOR, true, false, problems);
        List<SearchSpec> searches = searches(root, selection, problems);
        List<Component> evaluation = root.has("evaluation") && !root.get("evaluation").isNull()
                ? list(root, Kind.EVALUATOR, false, false, problems) : List.of();
        Path output = output(root, name, problems);

        dataset.ifPresent(d -> checkDataAndSpaces(d, spaces, problems));
        checkEvaluatorsAgainstSpaces(evaluation, spaces, problems);
        BenchmarkLookup benchmark = BenchmarkLookup.parse(root, spaces, problems);
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
        return new Experiment(source, name, engine, device, threads, seeds, dataset.get(), spaces, searches,
                evaluation, output, resolved, benchmark, layout);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void checkDataAndSpaces(Component d, List<Component> spaces, List<Problem> problems) {
        DatasetProvider provider = (DatasetProvider) d.entry().extension();
        List<String> dataProblems = provider.check(d.settings());
        if (!dataProblems.isEmpty() && dataElsewhere != null) {
            dataProblems.forEach(p -> dataElsewhere.accept(source(d) + p + " on this machine; each worker reads "
                    + "its own copy and checks it when a trial starts"));
            return;
        }
        dataProblems.forEach(p -> problems.add(new Problem(d.path(), p)));
        if (!dataProblems.isEmpty()) {
            return;
        }
        DatasetInfo info = provider.describe(d.settings());
        for (Component s : spaces) {
            SearchSpace space = (SearchSpace) s.entry().extension();
            List<String> sp = space.check(s.settings(), info.shape(), info.classes());
            sp.forEach(p -> problems.add(new Problem(s.path(), p + " (dataset " + d.id() + ": " + info.shape()
                    + ", " + info.classes() + " classes)")));
        }
    }

    private static String source(Component d) {
        return d.path() + ": ";
    }

    /** Recipe settings an evaluator cannot apply to a space's networks (e.g. drop path on NAS-Bench-201). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void checkEvaluatorsAgainstSpaces(List<Component> evaluation, List<Component> spaces,
            List<Problem> problems) {
        for (Component e : evaluation) {
            Evaluator evaluator = (Evaluator) e.entry().extension();
            for (Component s : spaces) {
                if (e.settings() == null || s.settings() == null) {
                    continue;
                }
                SearchSpace space = (SearchSpace) s.entry().extension();
                Set<TrainingFeature> features = space.trainingFeatures(s.settings());
                for (Object p : evaluator.check(e.settings(), features)) {
                    String text = (String) p;
                    int colon = text.indexOf(": ");
                    String key = colon > 0 && !text.substring(0, colon).contains(" ") ? "." + text.substring(0, colon) : "";
                    String reason = key.isEmpty() ? text : text.substring(colon + 2);
                    problems.add(new Problem(e.path() + key, reason + " (space " + s.id() + ")"));
                }
            }
        }
    }

    private static ArrayNode array(List<Component> cs) {
        ArrayNode a = Mappers.YAML.createArrayNode();
        cs.forEach(c -> a.add(c.resolved()));
        return a;
    }

    private List<SearchSpec> searches(ObjectNode root, List<Component> selection, List<Problem> problems) {
        List<Component> optimizers = list(root, Kind.OPTIMIZER, true, true, problems);
        List<SearchSpec> out = new ArrayList<>();
        JsonNode node = root.get("search");
        for (int i = 0; i < optimizers.size(); i++) {
            JsonNode block = node != null && node.isArray() ? node.get(i) : node;
            List<Component> sel = selection;
            if (block != null && block.has("selection")) {
                String path = optimizers.get(i).path() + ".selection";
                sel = components(block.get("selection"), Kind.SELECTOR, path, false, problems);
                if (sel.isEmpty()) {
                    problems.add(new Problem(path, "needs at least one selector"));
                }
            }
            out.add(new SearchSpec(optimizers.get(i), sel));
        }
        return out;
    }

    private Optional<Component> single(ObjectNode root, Kind kind, boolean required, List<Problem> problems) {
        JsonNode n = root.get(kind.key());
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(new Problem(kind.key(), "required: {use: <" + kind.noun() + " id>, ...}; installed: "
                        + installed(kind)));
            }
            return Optional.empty();
        }
        if (n.isArray()) {
            problems.add(new Problem(kind.key(), "takes one " + kind.noun() + ", not a list"));
            return Optional.empty();
        }
        return component(n, kind, kind.key(), false, problems);
    }

    private List<Component> list(ObjectNode root, Kind kind, boolean required, boolean searchBlock,
            List<Problem> problems) {
        JsonNode n = root.get(kind.key());
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(new Problem(kind.key(), "required: a " + kind.noun() + " block or a list of them; "
                        + "installed: " + installed(kind)));
            }
            return List.of();
        }
        List<Component> out = components(n, kind, kind.key(), searchBlock, problems);
        if (required && out.isEmpty() && n.isArray() && n.isEmpty()) {
            problems.add(new Problem(kind.key(), "needs at least one " + kind.noun()));
        }
        return out;
    }

    private List<Component> components(JsonNode n, Kind kind, String path, boolean searchBlock,
            List<Problem> problems) {
        List<Component> out = new ArrayList<>();
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                component(n.get(i), kind, path + "[" + i + "]", searchBlock, problems).ifPresent(out::add);
            }
        } else {
            component(n, kind, path, searchBlock, problems).ifPresent(out::add);
        }
        Set<String> labels = new HashSet<>();
        for (Component c : out) {
            if (!labels.add(c.label())) {
                problems.add(new Problem(path, "two " + kind.noun() + "s are named '" + c.label()
                        + "': give each a distinct 'label'"));
            }
        }
        return out;
    }

    private Optional<Component> component(JsonNode n, Kind kind, String path, boolean searchBlock,
            List<Problem> problems) {
        String id;
        String label = null;
        ObjectNode settings = Mappers.YAML.createObjectNode();
        if (n.isTextual()) {
            id = n.asText();
        } else if (n instanceof ObjectNode o) {
            JsonNode use = o.get("use");
            if (use == null || !use.isTextual()) {
                problems.add(new Problem(path + ".use", "required: the " + kind.noun() + " id; installed: "
                        + installed(kind)));
                return Optional.empty();
            }
            id = use.asText();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                switch (f.getKey()) {
                    case "use" -> { }
                    case "label" -> {
                        if (f.getValue().isTextual() && f.getValue().asText().matches("[A-Za-z0-9._-]+")) {
                            label = f.getValue().asText();
                        } else {
                            problems.add(new Problem(path + ".label", "'" + f.getValue().asText()
                                    + "' must be a name of letters, digits, '.', '_' and '-'"));
                        }
                    }
                    case "selection" -> {
                        if (!searchBlock) {
                            settings.set(f.getKey(), f.getValue());
                        }
                    }
                    default -> settings.set(f.getKey(), f.getValue());
                }
            }
        } else {
            problems.add(new Problem(path, "must be a block {use: <" + kind.noun() + " id>, ...} or an id; "
                    + "installed: " + installed(kind)));
            return Optional.empty();
        }
        Optional<PluginEntry> entry = registry.find(kind, id);
        Optional<String> clash = registry.clash(kind, id);
        if (entry.isEmpty() && clash.isPresent()) {
            problems.add(new Problem(n.isTextual() ? path : path + ".use", clash.get()));
            return Optional.empty();
        }
        if (entry.isEmpty()) {
            List<String> ids = registry.ids(kind);
            problems.add(new Problem(n.isTextual() ? path : path + ".use", "unknown " + kind.noun() + " '" + id + "'"
                    + Suggestions.hint(id, ids) + "; installed: " + installed(kind)));
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Class<? extends Record> type = (Class<? extends Record>) entry.get().extension().settingsClass();
        Optional<? extends Record> bound = SettingsBinder.bind(settings, type, path, problems);
        String finalLabel = label == null ? id : label;
        return bound.map(r -> new Component(kind, finalLabel, path, entry.get(), r));
    }

    private String installed(Kind kind) {
        List<String> ids = registry.ids(kind);
        return ids.isEmpty() ? "(none: is the plugins folder right?)" : String.join(", ", ids);
    }

    private static String text(ObjectNode root, String key, List<Problem> problems, String dflt) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isTextual()) {
            problems.add(new Problem(key, "'" + n + "' is not a string"));
            return dflt;
        }
        return n.asText();
    }

    /** {@code output}, or runs/NAME: a folder of its own (not empty, not the file system's root). */
    private static Path output(ObjectNode root, String name, List<Problem> problems) {
        String fallback = "runs/" + (name == null ? "experiment" : name);
        String text = text(root, "output", problems, null);
        if (text == null) {
            return Path.of(fallback);
        }
        try {
            Path p = Path.of(text);
            if (text.isBlank()) {
                problems.add(new Problem("output", "is empty: give the folder the run writes to, e.g. " + fallback));
            } else if (p.toAbsolutePath().normalize().getParent() == null) {
                problems.add(new Problem("output", "'" + text + "' is the file system's root: give a folder of its "
                        + "own, e.g. " + fallback));
            } else {
                return p;
            }
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(new Problem("output", "'" + text + "' is not a folder name: " + e.getReason()));
        }
        return Path.of(fallback);
    }

    private static String choice(ObjectNode root, String key, List<String> allowed, String dflt,
            List<Problem> problems) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        String v = n.asText();
        if (!n.isTextual() || !allowed.contains(v)) {
            problems.add(new Problem(key, "'" + v + "' is not allowed" + Suggestions.hint(v, allowed) + "; allowed: "
                    + String.join(", ", allowed)));
            return dflt;
        }
        return v;
    }

    private static int positiveInt(ObjectNode root, String key, int dflt, List<Problem> problems) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > 1024) {
            problems.add(new Problem(key, "'" + n.asText() + "' is not a positive integer"));
            return dflt;
        }
        return n.asInt();
    }

    private static List<Long> seeds(ObjectNode root, List<Problem> problems) {
        JsonNode n = root.get("seeds");
        if (n == null || n.isNull()) {
            return List.of(0L);
        }
        List<Long> out = new ArrayList<>();
        if (n.isIntegralNumber() && !n.canConvertToLong()) {
            problems.add(new Problem("seeds", "'" + n.asText() + "' " + SEED_RANGE));
        } else if (n.isIntegralNumber()) {
            out.add(n.asLong());
        } else if (n.isArray() && !n.isEmpty()) {
            for (int i = 0; i < n.size(); i++) {
                if (n.get(i).isIntegralNumber() && !n.get(i).canConvertToLong()) {
                    problems.add(new Problem("seeds[" + i + "]", "'" + n.get(i).asText() + "' " + SEED_RANGE));
                } else if (!n.get(i).isIntegralNumber()) {
                    problems.add(new Problem("seeds[" + i + "]", "'" + n.get(i).asText() + "' is not an integer"));
                } else if (out.contains(n.get(i).asLong())) {
                    problems.add(new Problem("seeds[" + i + "]", "seed " + n.get(i).asLong() + " is listed twice"));
                } else {
                    out.add(n.get(i).asLong());
                }
            }
        } else {
            problems.add(new Problem("seeds", "must be a list of integers such as [0, 1, 2]"));
        }
        return out;
    }
}
