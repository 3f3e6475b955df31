package dev.naslab.core.plan;

import java.util.List;

/**
 * One trial: a seed × space × search of an experiment, with its selectors and evaluators inside.
 * Written to {@code <trial>/trial.json} and handed to the trial's child JVM.
 *
 * @param id           stable id, {@code <space>.<search>.s<seed>}
 * @param seed         the trial's seed
 * @param space        index into the experiment's spaces
 * @param search       index into the experiment's searches
 * @param experiment   the resolved experiment, as YAML
 * @param pluginRoots  plugin folders the child loads
 * @param development  PF4J development mode (module folders instead of jars)
 */
public record TrialSpec(String id, long seed, int space, int search, String experiment, List<String> pluginRoots,
        boolean development) {
}
