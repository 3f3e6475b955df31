package dev.naslab.core.config;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.ArchitectureSelector;
import dev.naslab.api.DatasetProvider;
import dev.naslab.api.Evaluator;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.data.DatasetInfo;
import dev.naslab.api.eval.Evaluation;
import dev.naslab.api.eval.EvaluationContext;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.model.TrainingFeature;
import dev.naslab.api.data.Batch;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.select.SelectionContext;
import dev.naslab.api.base.Rng;
import dev.naslab.core.plugin.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small extensions of every kind, for validating experiment files in-process: what validation asks
 * of a plugin (ids, settings records, checks, published architectures, parse and format) is real;
 * what only a run asks (supernets, training, data) is not needed and says so if called.
 */
final class TestExtensions {

    private TestExtensions() {
    }

    /** A registry of: dataset {@code images}; spaces {@code cells}, {@code cells-wide}; optimizer
     * {@code search}; selectors {@code argmax}, {@code masking}; evaluator {@code retrain}. */
    static Registry registry() {
        return Registry.of(List.of(new Images(), new Cells("cells"), new Cells("cells-wide"), new Search(),
                new Selector("argmax"), new Selector("masking"), new Retrain()));
    }

    private static UnsupportedOperationException notForValidation() {
        return new UnsupportedOperationException("a test extension for validation only");
    }

    /** @param path an existing folder */
    record ImagesSettings(@Setting("data folder") String path, @Setting("training images") Integer trainLimit) {
        ImagesSettings {
            path = path == null ? "." : path;
            trainLimit = SettingException.positive("train_limit", trainLimit == null ? 100 : trainLimit);
        }
    }

    static final class Images implements DatasetProvider<ImagesSettings> {
        public String id() {
            return "images";
        }

        public Class<ImagesSettings> settingsClass() {
            return ImagesSettings.class;
        }

        @Override
        public List<String> check(ImagesSettings s) {
            return Files.isDirectory(Path.of(s.path())) ? List.of() : List.of("path '" + s.path() + "' is not a folder");
        }

        public DatasetInfo describe(ImagesSettings s) {
            return new DatasetInfo(new InputShape(1, 28, 28), 10);
        }

        public DataSplits load(ImagesSettings s, long seed) {
            throw notForValidation();
        }
    }

    /** Three edges of one cell, candidates {@code a, b, c}; an architecture is written {@code a-b-c}. */
    record CellsSettings(@Setting("channels") Integer channels, @Setting("smallest input side") Integer minSide) {
        CellsSettings {
            channels = SettingException.positive("channels", channels == null ? 4 : channels);
            minSide = SettingException.positive("min_side", minSide == null ? 8 : minSide);
        }
    }

    static final class Cells implements SearchSpace<CellsSettings> {
        private final String id;

        Cells(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public Class<CellsSettings> settingsClass() {
            return CellsSettings.class;
        }

        public List<CellType> cellTypes(CellsSettings s) {
            return List.of(new CellType("cell", List.of(new Edge(0, 1), new Edge(0, 2), new Edge(1, 2)),
                    List.of("a", "b", "c"), 0));
        }

        @Override
        public List<String> check(CellsSettings s, InputShape input, int classes) {
            return input.height() < s.minSide() ? List.of("needs inputs of at least " + s.minSide() + " pixels a side")
                    : List.of();
        }

        /** {@code cells-wide} offers partial channels for any k that divides its channels. */
        @Override
        public Set<dev.naslab.api.model.SpaceCapability> capabilities(CellsSettings s) {
            return id.equals("cells-wide") ? Set.of(dev.naslab.api.model.SpaceCapability.PARTIAL_CHANNELS) : Set.of();
        }

        @Override
        public List<String> check(CellsSettings s, dev.naslab.api.model.SupernetOptions options) {
            return s.channels() % options.partialChannels() == 0 ? List.of()
                    : List.of("partial channels k = " + options.partialChannels() + " does not divide " + s.channels());
        }

        @Override
        public Map<String, String> publishedArchitectures(CellsSettings s) {
            return Map.of("all_a", "a-a-a");
        }

        public Supernet supernet(CellsSettings s, InputShape input, int classes, Rng rng, NDManager manager) {
            throw notForValidation();
        }

        public dev.naslab.api.model.Network network(Architecture a, CellsSettings s, InputShape input, int classes,
                Rng rng, NDManager manager) {
            throw notForValidation();
        }

        public Architecture parse(String text, CellsSettings s) {
            List<String> ops = List.of(text.split("-", -1));
            if (ops.size() != 3 || !List.of("a", "b", "c").containsAll(ops)) {
                throw new IllegalArgumentException("'" + text + "' is not three of a, b, c joined by '-'");
            }
            return new Architecture(Map.of("cell", ops));
        }

        public String format(Architecture a, CellsSettings s) {
            return String.join("-", a.ops("cell"));
        }
    }

    record SearchSettings(@Setting("epochs") Integer epochs, @Setting("learning rate") Double lr,
            @Setting("first or second") String order, @Setting("partial channels k") Integer partialChannels) {
        SearchSettings(Integer epochs, Double lr, String order) {
            this(epochs, lr, order, null);
        }

        SearchSettings {
            partialChannels = SettingException.positive("partial_channels", partialChannels == null ? 1 : partialChannels);
            epochs = SettingException.positive("epochs", epochs == null ? 1 : epochs);
            lr = SettingException.range("lr", lr == null ? 0.025 : lr, 0, 10, true);
            order = SettingException.oneOf("order", order == null ? "first" : order, "first", "second");
        }
    }

    static final class Search implements SearchOptimizer<SearchSettings> {
        public String id() {
            return "search";
        }

        public Class<SearchSettings> settingsClass() {
            return SearchSettings.class;
        }

        public SearchSchedule schedule(SearchSettings s) {
            throw notForValidation();
        }

        @Override
        public dev.naslab.api.model.SupernetOptions supernetOptions(SearchSettings s) {
            return new dev.naslab.api.model.SupernetOptions(s.partialChannels());
        }

        public void begin(SearchState state, SearchSettings s) {
            throw notForValidation();
        }

        public void step(SearchState state, SearchSettings s, Batch train, Batch valid) {
            throw notForValidation();
        }
    }

    record NoSettings() {
    }

    static final class Selector implements ArchitectureSelector<NoSettings> {
        private final String id;

        Selector(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public Class<NoSettings> settingsClass() {
            return NoSettings.class;
        }

        public Architecture select(SelectionContext context, NoSettings s) {
            throw notForValidation();
        }
    }

    record RetrainSettings(@Setting("epochs") Integer epochs, @Setting("drop path probability") Double dropPath) {
        RetrainSettings {
            epochs = SettingException.positive("epochs", epochs == null ? 1 : epochs);
            dropPath = SettingException.range("drop_path", dropPath == null ? 0 : dropPath, 0, 1, false);
        }
    }

    static final class Retrain implements Evaluator<RetrainSettings> {
        public String id() {
            return "retrain";
        }

        public Class<RetrainSettings> settingsClass() {
            return RetrainSettings.class;
        }

        @Override
        public List<String> check(RetrainSettings s, Set<TrainingFeature> supported) {
            List<String> out = new ArrayList<>();
            if (s.dropPath() > 0 && !supported.contains(TrainingFeature.DROP_PATH)) {
                out.add("drop_path: " + s.dropPath() + " needs cells with drop path");
            }
            return out;
        }

        public Evaluation evaluate(Architecture a, EvaluationContext context, RetrainSettings s) {
            throw notForValidation();
        }
    }
}
