package dev.naslab.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * An experiment file as a whole: its sweep expanded into variants (one when there is no sweep)
 * and its baseline architectures.
 *
 * @param source    the file it came from
 * @param name      experiment name (the same in every variant: a sweep may not change it)
 * @param output    results folder
 * @param variants  every sweep point, validated
 * @param baselines fixed architectures to evaluate next to the selected ones
 * @param resolved  the file as resolved: the first variant plus the {@code sweep} and
 *                  {@code architectures} blocks
 */
public record Study(String source, String name, Path output, List<Variant> variants, List<Baseline> baselines,
        ObjectNode resolved) {

    /** The swept keys, in sweep order (empty without a sweep). */
    public List<String> sweptKeys() {
        return List.copyOf(variants.get(0).values().keySet());
    }
}
