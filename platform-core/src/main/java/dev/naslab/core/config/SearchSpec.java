package dev.naslab.core.config;

import java.util.List;

/**
 * A search block: its optimizer and the selectors for its supernets (the experiment's
 * {@code selection} unless the block overrides it, e.g. fix-α supernets with perturbation only).
 *
 * @param optimizer the optimizer component
 * @param selection the selectors applied to every supernet this search trains
 */
public record SearchSpec(Component optimizer, List<Component> selection) {
}
