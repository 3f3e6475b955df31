package dev.naslab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.core.plugin.Registry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The config-error table, in-process: one bad line in a good experiment gives one problem that
 * names the key and what is allowed (the messages of {@link ScalarKeys}, {@link ComponentReader},
 * {@link SettingsBinder}, {@link PluginChecks}, {@link BaselineReader}, {@link Sweep}). The
 * extensions are {@link TestExtensions}; the distribution's tests launch the CLI for exit codes and
 * the shipped plugins' own messages.
 */
class ExperimentLoaderTest {

    static final String GOOD = """
            name: t
            dataset: {use: images}
            space: {use: cells}
            search: {use: search, epochs: 1}
            selection: [argmax]
            """;

    private static Registry registry;

    @BeforeAll
    static void extensions() {
        registry = TestExtensions.registry();
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    /** GOOD with its line for {@code override}'s top-level key replaced by {@code override}. */
    static String with(String override) {
        String key = override.substring(0, override.indexOf(':'));
        return GOOD.lines().filter(l -> !l.startsWith(key + ":")).reduce("", (a, b) -> a + b + "\n") + override + "\n";
    }

    private static List<Problem> problems(String yaml) {
        return assertThrows(ConfigException.class, () -> new ExperimentLoader(registry).parseStudy("bad.yaml", yaml,
                List.of())).problems();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed YAML|space: {use: cells|malformed YAML at line 5, column 19: while parsing a flow mapping; expected ',' or '}', but got <stream end>",
        "duplicate key|space: {use: cells, use: cells}|space.use: given twice, on line 5 and on line 5; keep one",
        "unknown top-level key|serach: {use: search}|serach: unknown key (did you mean 'search'?)",
        "unknown component key|search: {use: search, epoch: 3}|search.epoch: unknown key (did you mean 'epochs'?); allowed: epochs, lr, order, partial_channels",
        "wrong type|search: {use: search, epochs: many}|search.epochs: 'many' is not an integer",
        "out of range|search: {use: search, epochs: -3}|search.epochs: must be a positive integer, got -3",
        "bad choice|search: {use: search, order: third}|search.order: must be one of first, second, got 'third'",
        "unknown plugin|space: {use: cels}|space.use: unknown space 'cels' (did you mean 'cells'?); installed: cells, cells-wide",
        "block without use|space: {channels: 4}|space.use: required: the space id; installed: cells, cells-wide",
        "a list where one block goes|dataset: [images, images]|dataset: takes one dataset, not a list",
        "two blocks with one label|space: [cells, cells]|space: two spaces are named 'cells': give each a distinct 'label'",
        "bad label|space: {use: cells, label: 'a b'}|space.label: 'a b' must be a name of letters, digits",
        "unknown selector|selection: [argmx]|selection[0]: unknown selector 'argmx' (did you mean 'argmax'?)",
        "no selector|selection: []|selection: needs at least one selector",
        "search block selection empty|search: {use: search, selection: []}|search.selection: needs at least one selector",
        "missing dataset folder|dataset: {use: images, path: /nonexistent/images}|dataset: path '/nonexistent/images' is not a folder",
        "space that cannot take the data|space: {use: cells, min_side: 32}|space: needs inputs of at least 32 pixels a side (dataset images: ",
        "evaluator setting a space cannot use|evaluation: {use: retrain, drop_path: 0.2}|evaluation.drop_path: 0.2 needs cells with drop path (space cells)",
        "no Hessian interval|diagnostics: {hessian_every: 0}|diagnostics.hessian_every: '0' is not a positive number of epochs: how many epochs between two Hessian measurements (RobustDARTS: 2); leave out diagnostics to measure nothing",
        "unknown diagnostics key|diagnostics: {hessian_evry: 2}|diagnostics.hessian_evry: unknown key (did you mean 'hessian_every'?)",
        "diagnostics not a map|diagnostics: hessian|diagnostics: must be a map such as {hessian_every: 2}",
        "bad engine|engine: tensorflow|engine: 'tensorflow' is not allowed; allowed: pytorch, mxnet",
        "bad layout|layout: nhwc|layout: 'nhwc' is not allowed",
        "threads zero|threads: 0|threads: '0' is not a positive integer",
        "seed out of range|seeds: [18446744073709551616]|seeds[0]: '18446744073709551616' is out of range: a seed is a 64-bit integer",
        "seed twice|seeds: [1, 1]|seeds[1]: seed 1 is listed twice",
        "seeds not a list|seeds: many|seeds: must be a list of integers such as [0, 1, 2]",
        "name with a slash|name: a/b|name: 'a/b' may only contain letters, digits, '.', '_' and '-'",
        "output at the root|output: /|output: '/' is the file system's root",
        "sweep over a key that does not exist|sweep: {search.epoch: [1, 2]}|sweep.search.epoch: unknown key (did you mean 'epochs'?)",
        "swept value that fails validation|sweep: {search.epochs: [1, -3]}|sweep.search.epochs: value -3: must be a positive integer, got -3",
        "sweep of a block that does not exist|sweep: {serach.epochs: [1]}|sweep.serach.epochs: 'serach' is not a key of an experiment (did you mean 'search'?)",
        "sweep with an index into a single block|sweep: {search.0.epochs: [1]}|sweep.search.0.epochs: 'search' is a single block, not a list: leave out the index (search.epochs)",
        "sweep of the seeds|sweep: {seeds: [[0], [1]]}|sweep.seeds: 'seeds' cannot be swept: seeds are an axis of their own",
        "checkpoint interval zero|search: {use: search, checkpoint_every: 0}|search.checkpoint_every: '0' is not a positive number of epochs: how often the search writes a checkpoint",
        "optimizer needing a capability the space lacks|search: {use: search, partial_channels: 4}|search: search needs partial channel connections, which space cells does not offer; use a space that does, or settings of search that do without",
        "unknown named architecture|architectures: [ALL_B]|architectures[0]: unknown architecture 'ALL_B' for space cells (did you mean 'all_a'?); published names: all_a, or give an architecture string",
        "malformed architecture string|architectures: [{architecture: 'a~b'}]|architectures[0].architecture: not an architecture of space cells: 'a~b' is not three of a, b, c",
        "baseline for a space that is not there|architectures: [{architecture: all_a, space: other}]|architectures[0].space: no space is labelled 'other'",
        "unknown key of a baseline|architectures: [{architecture: all_a, lable: x}]|architectures[0].lable: unknown key (did you mean 'label'?)",
        "two baselines with one label|architectures: [all_a, {architecture: a-a-a, label: all_a}]|architectures[1]: two architectures are named 'all_a' for space cells",
        "unknown early-stopping rule|search: {use: search, early_stop: dart-es}|search.early_stop: unknown rule 'dart-es' (did you mean 'darts-es'?); allowed: darts-es, darts-ada, skip",
        "early stopping not a rule|search: {use: search, early_stop: [skip]}|search.early_stop: must be a rule (darts-es, darts-ada, skip) or a map such as {rule: darts-es, factor: 1.3}",
        "eigenvalue rule without the eigenvalue|search: {use: search, early_stop: darts-es}|search.early_stop: darts-es reads the Hessian's largest eigenvalue: add diagnostics: {hessian_every: 2} to the experiment",
        "skip stopper on a space without skip connections|search: {use: search, early_stop: skip}|search.early_stop: cells's cell cell has no skip_connect among its ops (a, b, c): the skip stopper would have nothing to count",
        "skip stopper watching a cell type the space lacks|search: {use: search, early_stop: {rule: skip, cells: [normal]}}|search.early_stop.cells: 'normal' is not a cell type of cells; its cell types: cell",
    })
    void rejected(String what, String override, String expected) {
        rejectedAs(what, override, expected);
    }

    @org.junit.jupiter.api.Test
    void aPartialChannelFactorTheSpaceCannotTakeIsItsMessageAtTheOptimizer() {
        List<Problem> ps = problems(with("space: {use: cells-wide}").replace("search: {use: search, epochs: 1}",
                "search: {use: search, epochs: 1, partial_channels: 3}"));
        assertEquals(List.of("search: partial channels k = 3 does not divide 4 (space cells-wide)"),
                ps.stream().map(Problem::toString).toList());
    }

    /** The eigenvalue rules' settings, with the eigenvalue measured: one problem each. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a window of none|{rule: darts-es, window: 0}|search.early_stop.window: '0' must be an integer of at least 1 (default 5)",
        "a negative factor|{rule: darts-es, factor: -1.3}|search.early_stop.factor: '-1.3' must be a positive number (default 1.3)",
        "an unknown mode|{rule: darts-es, mode: simulated}|search.early_stop.mode: 'simulated' is not one of stop, simulate (did you mean 'simulate'?)",
        "an unknown key|{rule: darts-es, start_epohc: 10}|search.early_stop.start_epohc: unknown key (did you mean 'start_epoch'?)",
        "ADA's key on ES|{rule: darts-es, max_weight_decay: 0.1}|search.early_stop.max_weight_decay: unknown key",
        "ADA on an optimizer without weight decay|darts-ada|search.early_stop: darts-ada raises the optimizer's weight_decay, and search has none",
        "ADA not raising it|{rule: darts-ada, weight_decay_factor: 0.5}|search.early_stop.weight_decay_factor: 0.5 must be above 1",
    })
    void eigenvalueRuleSettingsRejected(String what, String block, String expected) {
        List<Problem> ps = problems(with("search: {use: search, early_stop: " + block + "}")
                + "diagnostics: {hessian_every: 2}\n");
        assertTrue(ps.stream().anyMatch(p -> p.toString().contains(expected)), what + ": " + ps);
        assertEquals(what.equals("ADA not raising it") ? 2 : 1, ps.size(), what + ": " + ps);
    }

    @Test
    void earlyStoppingIsTheSearchsHostKeyResolvedWithItsDefaults() throws ConfigException {
        Experiment e = new ExperimentLoader(registry).parseStudy("ok.yaml", with("search: [{use: search}, {use: search, "
                + "label: es, early_stop: darts-es}]") + "diagnostics: {hessian_every: 3}\n", List.of()).variants().get(0)
                .experiment();
        assertEquals(null, e.searches().get(0).earlyStop());
        assertEquals(new dev.naslab.core.stop.DartsEs(5, 4, 1.3, 10, false, 3), e.searches().get(1).earlyStop());
        assertEquals(new TestExtensions.SearchSettings(1, 0.025, "first"), e.searches().get(1).optimizer().settings(),
                "early_stop is the host's, not a setting of the optimizer");
        assertEquals("{rule=darts-es, window=5, delta=4, factor=1.3, start_epoch=10, mode=stop}",
                Mappers.YAML.convertValue(e.resolved().get("search").get(1).get("early_stop"), java.util.Map.class)
                        .toString());
    }

    private void rejectedAs(String what, String override, String expected) {
        List<Problem> ps = problems(with(override));
        assertTrue(ps.stream().anyMatch(p -> p.toString().contains(expected)), what + ": " + ps);
        assertEquals(1, ps.size(), what + ": one problem for one bad line: " + ps);
    }

    @Test
    void everyProblemOfABlockAndOfTheFileIsReportedAtOnce() {
        List<Problem> ps = problems(with("search: {use: search, epochs: 0, lr: -1, order: third, epoc: 2}")
                + "threads: 0\nengine: tf\n");
        assertEquals(List.of("search.epoc", "search.epochs", "search.lr", "search.order", "threads", "engine"),
                ps.stream().map(Problem::path).sorted(java.util.Comparator.comparing(
                        p -> List.of("search.epoc", "search.epochs", "search.lr", "search.order", "threads", "engine")
                                .indexOf(p))).toList(), ps.toString());
    }

    @Test
    void aGoodFileResolvesDefaultsOverridesAndBaselines() throws ConfigException {
        Study s = new ExperimentLoader(registry).parseStudy("good.yaml", GOOD + "architectures: [ALL_A, "
                + "{architecture: a-b-c, label: mixed}]\nsweep: {search.epochs: [1, 2]}\n", List.of("seeds=[0,1,2]"));
        assertEquals(2, s.variants().size());
        Experiment e = s.variants().get(1).experiment();
        assertEquals(List.of(0L, 1L, 2L), e.seeds());
        assertEquals("pytorch", e.engine());
        assertEquals(java.nio.file.Path.of("runs/t"), e.output());
        assertEquals(new TestExtensions.SearchSettings(2, 0.025, "first"), e.searches().get(0).optimizer().settings());
        assertEquals(List.of(new Baseline("all_a", "cells", "a-a-a"), new Baseline("mixed", "cells", "a-b-c")),
                s.baselines());
        assertEquals("[{\"use\":\"argmax\"}]", s.resolved().get("selection").toString());
    }

    @Test
    void aSearchBlockHasItsOwnSelectorsAndEverySpaceGetsTheBaselines() throws ConfigException {
        String yaml = with("space: [cells, cells-wide]").replace("search: {use: search, epochs: 1}",
                "search: [{use: search}, {use: search, label: other, selection: [masking]}]") + "architectures: [all_a]\n";
        Study s = new ExperimentLoader(registry).parseStudy("good.yaml", yaml, List.of());
        Experiment e = s.variants().get(0).experiment();
        assertEquals(List.of("argmax"), e.searches().get(0).selection().stream().map(Component::label).toList());
        assertEquals(List.of("masking"), e.searches().get(1).selection().stream().map(Component::label).toList());
        assertEquals(List.of("cells", "cells-wide"), s.baselines().stream().map(Baseline::space).toList());
    }

    @Test
    void dataReadElsewhereIsAWarning() throws ConfigException {
        List<String> warnings = new java.util.ArrayList<>();
        new ExperimentLoader(registry).dataElsewhere(warnings::add).parseStudy("c.yaml",
                with("dataset: {use: images, path: /nonexistent/images}"), List.of());
        assertEquals(List.of("dataset: path '/nonexistent/images' is not a folder on this machine; each worker reads "
                + "its own copy and checks it when a trial starts"), warnings);
    }
}
