package dev.naslab.space.nb201;

import dev.naslab.api.model.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The NAS-Bench-201 architecture string {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}: one
 * {@code |…|} group per node 1..3, inputs in ascending order, every edge written. An edge that keeps
 * several ops (FairDARTS's threshold selection) writes them joined by {@code &}, e.g.
 * {@code |nor_conv_3x3&skip_connect~0|}: naslab's extension; the benchmark's own cells have one op per edge.
 */
final class ArchitectureString {

    private ArchitectureString() {
    }

    static String format(Architecture a) {
        List<String> ops = a.ops(Nb201Cell.NAME);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < Nb201Cell.NODES; i++) {
            if (i > 1) {
                sb.append('+');
            }
            sb.append('|');
            for (int j = 0; j < i; j++) {
                sb.append(ops.get(Nb201Cell.edge(i, j))).append('~').append(j).append('|');
            }
        }
        return sb.toString();
    }

    static Architecture parse(String text) {
        String expected = "expected |op~0|+|op~0|op~1|+|op~0|op~1|op~2| with ops "
                + String.join(", ", Nb201Cell.OPS);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty NAS-Bench-201 architecture string; " + expected);
        }
        String[] groups = text.trim().split("\\+", -1);
        if (groups.length != 3) {
            throw new IllegalArgumentException("'" + text + "' has " + groups.length
                    + " node groups separated by '+', not 3; " + expected);
        }
        List<String> ops = new ArrayList<>(List.of("", "", "", "", "", ""));
        for (int i = 1; i <= 3; i++) {
            String g = groups[i - 1];
            if (!g.startsWith("|") || !g.endsWith("|") || g.length() < 2) {
                throw new IllegalArgumentException("node " + i + " group '" + g + "' must start and end with '|'; "
                        + expected);
            }
            String[] tokens = g.substring(1, g.length() - 1).split("\\|", -1);
            if (tokens.length != i) {
                throw new IllegalArgumentException("node " + i + " group '" + g + "' has " + tokens.length
                        + " inputs, needs " + i + "; " + expected);
            }
            for (int j = 0; j < i; j++) {
                String[] parts = tokens[j].split("~", -1);
                if (parts.length != 2 || !parts[1].equals(Integer.toString(j))) {
                    throw new IllegalArgumentException("token '" + tokens[j] + "' of node " + i
                            + " must be op~" + j + "; " + expected);
                }
                List<String> kept = List.of(parts[0].split(java.util.regex.Pattern.quote(Architecture.AND), -1));
                for (String op : kept) {
                    if (!Nb201Cell.OPS.contains(op)) {
                        throw new IllegalArgumentException("unknown op '" + op + "' in '" + tokens[j]
                                + "'; ops are " + String.join(", ", Nb201Cell.OPS));
                    }
                    if (kept.size() > 1 && (op.equals("none") || kept.indexOf(op) != kept.lastIndexOf(op))) {
                        throw new IllegalArgumentException("'" + tokens[j] + "' joins " + op + " with other ops; an edge "
                                + "that keeps several ops lists each once, and none alone");
                    }
                }
                ops.set(Nb201Cell.edge(i, j), parts[0]);
            }
        }
        return new Architecture(Map.of(Nb201Cell.NAME, ops));
    }
}
