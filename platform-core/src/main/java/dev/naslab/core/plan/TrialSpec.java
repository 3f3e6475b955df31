package dev.naslab.core.plan;

import dev.naslab.core.config.Baseline;
import java.util.List;
import java.util.Map;

/**
 * One trial: a variant × seed × space × search of an experiment, with its selectors and evaluators
 * inside, or a baseline architecture's evaluation. Written to {@code <trial>/trial.json} and handed
 * to the trial's child JVM.
 *
 * @param id           stable id, {@code [<variant>.]<space>.<search>.s<seed>} or
 *                     {@code [<variant>.]<space>.baseline-<label>.s<seed>}
 * @param seed         the trial's seed
 * @param space        index into the experiment's spaces
 * @param search       index into the experiment's searches ({@code -1} for a baseline)
 * @param experiment   the resolved experiment of the trial's variant, as YAML
 * @param pluginRoots  plugin folders the child loads
 * @param development  PF4J development mode (module folders instead of jars)
 * @param variant      the sweep variant's label (empty without a sweep)
 * @param values       the swept values of the variant (key path → value)
 * @param baseline     the fixed architecture to evaluate, or null for a search trial
 * @param spaceLabel   the space's label (for results written without the experiment)
 * @param searchLabel  the search's label, {@code baseline} for a fixed architecture
 */
public record TrialSpec(String id, long seed, int space, int search, String experiment, List<String> pluginRoots,
        boolean development, String variant, Map<String, String> values, Baseline baseline,
        String spaceLabel, String searchLabel) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isBaselineTrial() {
        return baseline != null;
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
            "[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,199}");

    /**
     * Whether {@code id} is a trial id as the planner makes them (labels, sweep values and seeds
     * joined by '.', '+' and '-'; never starting with '.'): a name that is safe as a folder of the
     * run folder. Ids read back from files or messages are checked with it before they become paths.
     */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** What a valid trial id looks like, for messages. */
    public static final String ID_RULE = "letters, digits, '.', '_', '+' and '-', not starting with '.', at most 200 "
            + "characters";
}
