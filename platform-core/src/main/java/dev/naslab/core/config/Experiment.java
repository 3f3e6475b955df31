package dev.naslab.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated experiment with every component bound.
 *
 * @param source     the file it came from (for messages)
 * @param name       experiment name
 * @param engine     {@code pytorch} or {@code mxnet}
 * @param device     {@code auto}, {@code cpu} or {@code gpu}
 * @param threads    intra-op threads per trial
 * @param seeds      one trial per seed (× space × search)
 * @param dataset    the dataset component
 * @param spaces     search spaces
 * @param searches   searches (optimizer + its selectors)
 * @param evaluation evaluators applied to every selected architecture
 * @param output     results folder
 * @param resolved   the whole experiment as resolved (overrides and defaults applied)
 * @param benchmark  the per-epoch benchmark lookup, or null
 * @param layout     {@code auto}, {@code nchw} or {@code channels_last}: how networks lay out their tensors
 * @param diagnostics the search diagnostics ({@code diagnostics:}), or null
 */
public record Experiment(String source, String name, String engine, String device, int threads, List<Long> seeds,
        Component dataset, List<Component> spaces, List<SearchSpec> searches, List<Component> evaluation,
        Path output, ObjectNode resolved, BenchmarkLookup benchmark, String layout, Diagnostics diagnostics) {
}
