package dev.naslab.space.darts;

import dev.naslab.api.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate op lists of the DARTS space: {@code darts} (8 ops with {@code none}, DARTS and
 * SGAS), {@code s5} (the same without {@code none}, the SDARTS and DARTS-PT code) and the
 * RobustDARTS spaces {@code s1}–{@code s4} (Zela et al., ICLR 2020) as the DARTS-PT code defines
 * them ({@code sota/cnn/spaces.py} in ruocwang/darts-pt): S1 gives each edge its own pair, which
 * differs between normal and reduction cells; S2 {skip, sep3}; S3 {none, skip, sep3};
 * S4 {noise, sep3}.
 */
final class OpSets {

    /** Every op this space can build, in the reference's PRIMITIVES order. */
    static final List<String> ALL = List.of("none", "noise", "max_pool_3x3", "avg_pool_3x3", "skip_connect",
            "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5");
    static final List<String> DARTS = List.of("none", "max_pool_3x3", "avg_pool_3x3", "skip_connect",
            "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5");
    static final List<String> NAMES = List.of("darts", "s5", "s1", "s2", "s3", "s4");

    private static final String SKIP = "skip_connect";
    private static final String MAX = "max_pool_3x3";
    private static final String AVG = "avg_pool_3x3";
    private static final String SEP3 = "sep_conv_3x3";
    private static final String DIL3 = "dil_conv_3x3";
    private static final String DIL5 = "dil_conv_5x5";

    /** S1's per-edge pairs, normal cell, in edge order. */
    private static final List<List<String>> S1_NORMAL = List.of(
            List.of(SKIP, DIL3), List.of(SKIP, DIL5), List.of(SKIP, DIL5), List.of(SKIP, SEP3), List.of(SKIP, DIL3),
            List.of(MAX, SKIP), List.of(SKIP, SEP3), List.of(SKIP, SEP3), List.of(SKIP, DIL3), List.of(SKIP, SEP3),
            List.of(MAX, SKIP), List.of(SKIP, DIL3), List.of(DIL3, DIL5), List.of(DIL3, DIL5));
    /** S1's per-edge pairs, reduction cell, in edge order. */
    private static final List<List<String>> S1_REDUCE = List.of(
            List.of(MAX, AVG), List.of(MAX, DIL3), List.of(MAX, AVG), List.of(MAX, AVG), List.of(SKIP, DIL5),
            List.of(MAX, AVG), List.of(MAX, SEP3), List.of(SKIP, DIL3), List.of(SKIP, DIL5), List.of(MAX, AVG),
            List.of(MAX, AVG), List.of(SKIP, DIL5), List.of(SKIP, DIL5), List.of(SKIP, DIL5));

    private OpSets() {
    }

    /**
     * The per-edge candidates of both cell types for an {@code ops} setting: a set name or an
     * explicit list of op names (the same list on every edge).
     *
     * @throws IllegalArgumentException naming what is unknown and what is allowed
     */
    static Map<String, List<List<String>>> resolve(Object ops) {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        if (ops instanceof String name) {
            switch (name) {
                case "darts" -> uniform(out, DARTS);
                case "s5" -> uniform(out, DARTS.subList(1, DARTS.size()));
                case "s1" -> {
                    out.put(DartsCell.NORMAL, S1_NORMAL);
                    out.put(DartsCell.REDUCE, S1_REDUCE);
                }
                case "s2" -> uniform(out, List.of(SKIP, SEP3));
                case "s3" -> uniform(out, List.of("none", SKIP, SEP3));
                case "s4" -> uniform(out, List.of("noise", SEP3));
                default -> throw new IllegalArgumentException("unknown op set '" + name + "'"
                        + hint(name, NAMES) + "; named sets: " + String.join(", ", NAMES)
                        + ", or a list of ops from " + String.join(", ", ALL));
            }
            return out;
        }
        if (ops instanceof List<?> list) {
            if (list.size() < 2) {
                throw new IllegalArgumentException("needs at least 2 candidate ops, got " + list);
            }
            List<String> names = new ArrayList<>();
            for (Object o : list) {
                String op = String.valueOf(o);
                if (!ALL.contains(op)) {
                    throw new IllegalArgumentException("unknown op '" + op + "'" + hint(op, ALL) + "; ops: "
                            + String.join(", ", ALL));
                }
                if (names.contains(op)) {
                    throw new IllegalArgumentException("op '" + op + "' is listed twice");
                }
                names.add(op);
            }
            uniform(out, names);
            return out;
        }
        throw new IllegalArgumentException("must be a named op set (" + String.join(", ", NAMES)
                + ") or a list of ops from " + String.join(", ", ALL) + ", got " + ops);
    }

    private static void uniform(Map<String, List<List<String>>> out, List<String> ops) {
        out.put(DartsCell.NORMAL, Collections.nCopies(DartsCell.EDGES, List.copyOf(ops)));
        out.put(DartsCell.REDUCE, Collections.nCopies(DartsCell.EDGES, List.copyOf(ops)));
    }

    static String hint(String got, List<String> allowed) {
        return Suggestions.hint(got, allowed);
    }
}
