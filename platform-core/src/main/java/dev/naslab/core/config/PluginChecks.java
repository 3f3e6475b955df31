package dev.naslab.core.config;

import dev.naslab.api.DatasetProvider;
import dev.naslab.api.Evaluator;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.data.DatasetInfo;
import dev.naslab.api.model.TrainingFeature;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks that ask the plugins whether their components fit together: the dataset's files, each
 * space against the dataset's image shape and classes, each evaluator's recipe against what a
 * space's networks support. A plugin's message becomes a {@link Problem} at the component's path.
 */
public final class PluginChecks {

    private PluginChecks() {
    }

    /**
     * The dataset's own check, then every space against its shape. With {@code dataElsewhere} (the
     * data is read on other machines) a dataset problem is only a warning and the spaces are left
     * to each trial.
     */
    static void dataAndSpaces(Component dataset, List<Component> spaces, Consumer<String> dataElsewhere,
            List<Problem> problems) {
        DatasetProvider<Record> provider = dataset.extension(DatasetProvider.class);
        List<String> dataProblems = provider.check(dataset.settings());
        if (!dataProblems.isEmpty() && dataElsewhere != null) {
            dataProblems.forEach(p -> dataElsewhere.accept(dataset.path() + ": " + p + " on this machine; each worker "
                    + "reads its own copy and checks it when a trial starts"));
            return;
        }
        dataProblems.forEach(p -> problems.add(new Problem(dataset.path(), p)));
        if (!dataProblems.isEmpty()) {
            return;
        }
        DatasetInfo info = provider.describe(dataset.settings());
        for (Component s : spaces) {
            SearchSpace<Record> space = s.extension(SearchSpace.class);
            space.check(s.settings(), info.shape(), info.classes()).forEach(p -> problems.add(new Problem(s.path(),
                    p + " (dataset " + dataset.id() + ": " + info.shape() + ", " + info.classes() + " classes)")));
        }
    }

    /**
     * Each optimizer's and selector's own check of its settings against each space's cell types
     * ({@code check(settings, cellTypes)}); a message {@code "key: reason"} is placed at that key.
     */
    static void searchesAgainstSpaces(List<SearchSpec> searches, List<Component> spaces, List<Problem> problems) {
        for (Component s : spaces) {
            List<dev.naslab.api.model.CellType> cells = s.extension(SearchSpace.class).cellTypes(s.settings());
            java.util.Set<Component> seen = new java.util.HashSet<>();
            for (SearchSpec search : searches) {
                Component o = search.optimizer();
                dev.naslab.api.SearchOptimizer<Record> optimizer = o.extension(dev.naslab.api.SearchOptimizer.class);
                optimizer.check(o.settings(), cells).forEach(text -> problems.add(keyed(o, text, s)));
                supernetOptions(o, optimizer, s, problems);
                for (Component sel : search.selection()) {
                    if (seen.add(sel)) {
                        dev.naslab.api.ArchitectureSelector<Record> selector = sel.extension(dev.naslab.api.ArchitectureSelector.class);
                        selector.check(sel.settings(), cells).forEach(text -> problems.add(keyed(sel, text, s)));
                    }
                }
            }
        }
    }

    private static void supernetOptions(Component o, dev.naslab.api.SearchOptimizer<Record> optimizer, Component s,
            List<Problem> problems) {
        supernetProblems(s.extension(SearchSpace.class), s.settings(), s.id(), optimizer.supernetOptions(o.settings()),
                o.id()).forEach(text -> problems.add(new Problem(o.path(), text)));
    }

    /**
     * The supernet features an optimizer asks for against what the space offers, then the space's own
     * check of the options (e.g. a partial-channel factor that does not divide its channels); messages
     * belong at the optimizer, whose settings chose the options.
     *
     * @return one message per problem, none when the space can build the supernet
     */
    public static List<String> supernetProblems(SearchSpace<Record> space, Record spaceSettings, String spaceId,
            dev.naslab.api.model.SupernetOptions options, String optimizerId) {
        Set<dev.naslab.api.model.SpaceCapability> missing = new java.util.LinkedHashSet<>(options.required());
        missing.removeAll(space.capabilities(spaceSettings));
        if (!missing.isEmpty()) {
            return List.of(optimizerId + " needs " + String.join(", ", missing.stream()
                    .map(dev.naslab.api.model.SpaceCapability::label).toList()) + ", which space " + spaceId
                    + " does not offer; use a space that does, or settings of " + optimizerId + " that do without");
        }
        return space.check(spaceSettings, options).stream().map(t -> t + " (space " + spaceId + ")").toList();
    }

    /** A plugin's {@code "key: reason"} at that key of the component, else at the component. */
    private static Problem keyed(Component c, String text, Component space) {
        int colon = text.indexOf(": ");
        boolean keyed = colon > 0 && !text.substring(0, colon).contains(" ");
        String path = keyed ? c.path() + "." + text.substring(0, colon) : c.path();
        String reason = keyed ? text.substring(colon + 2) : text;
        return new Problem(path, reason + " (space " + space.id() + ")");
    }

    /**
     * Recipe settings an evaluator cannot apply to a space's networks (e.g. drop path on
     * NAS-Bench-201). An evaluator's message {@code "key: reason"} is placed at that key.
     */
    static void evaluatorsAgainstSpaces(List<Component> evaluation, List<Component> spaces, List<Problem> problems) {
        for (Component e : evaluation) {
            Evaluator<Record> evaluator = e.extension(Evaluator.class);
            for (Component s : spaces) {
                Set<TrainingFeature> features = s.extension(SearchSpace.class).trainingFeatures(s.settings());
                for (String text : evaluator.check(e.settings(), features)) {
                    problems.add(keyed(e, text, s));
                }
            }
        }
    }
}
