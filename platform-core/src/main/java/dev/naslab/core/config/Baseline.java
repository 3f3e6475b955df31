package dev.naslab.core.config;

/**
 * A fixed architecture evaluated like the selected ones (a baseline row: "found vs known").
 *
 * @param label        its name in results (the published name, or the entry's {@code label})
 * @param space        label of the space it belongs to
 * @param architecture the space's architecture string
 */
public record Baseline(String label, String space, String architecture) {
}
