package dev.naslab.core.config;

import java.util.Map;

/**
 * One point of an experiment's sweep: the experiment with the swept values written in place.
 *
 * @param label      readable name made of the swept values ({@code epochs-10+train_limit-4000}); empty
 *                   when the experiment has no sweep
 * @param values     swept key path → value as written (in sweep order)
 * @param experiment the validated experiment of this point
 */
public record Variant(String label, Map<String, String> values, Experiment experiment) {
}
