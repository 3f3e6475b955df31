package dev.naslab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.Suggestions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The experiment's top-level values that are not components: a string, a choice from a list, a
 * thread count, the seeds and the output folder. A wrong value adds a {@link Problem} and yields
 * the default, so that validation goes on and reports everything at once.
 */
final class ScalarKeys {

    private static final String SEED_RANGE = "is out of range: a seed is a 64-bit integer, from " + Long.MIN_VALUE
            + " to " + Long.MAX_VALUE;

    private ScalarKeys() {
    }

    static String text(ObjectNode root, String key, List<Problem> problems, String dflt) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isTextual()) {
            problems.add(new Problem(key, "'" + n + "' is not a string"));
            return dflt;
        }
        return n.asText();
    }

    static String choice(ObjectNode root, String key, List<String> allowed, String dflt, List<Problem> problems) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        String v = n.asText();
        if (!n.isTextual() || !allowed.contains(v)) {
            problems.add(new Problem(key, "'" + v + "' is not allowed" + Suggestions.hint(v, allowed) + "; allowed: "
                    + String.join(", ", allowed)));
            return dflt;
        }
        return v;
    }

    /** An integer from 1 to 1024 (threads). */
    static int positiveInt(ObjectNode root, String key, int dflt, List<Problem> problems) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > 1024) {
            problems.add(new Problem(key, "'" + n.asText() + "' is not a positive integer"));
            return dflt;
        }
        return n.asInt();
    }

    /** {@code seeds}: one integer or a list of distinct 64-bit integers; [0] when absent. */
    static List<Long> seeds(ObjectNode root, List<Problem> problems) {
        JsonNode n = root.get("seeds");
        if (n == null || n.isNull()) {
            return List.of(0L);
        }
        List<Long> out = new ArrayList<>();
        if (n.isIntegralNumber() && !n.canConvertToLong()) {
            problems.add(new Problem("seeds", "'" + n.asText() + "' " + SEED_RANGE));
        } else if (n.isIntegralNumber()) {
            out.add(n.asLong());
        } else if (n.isArray() && !n.isEmpty()) {
            for (int i = 0; i < n.size(); i++) {
                JsonNode s = n.get(i);
                String path = "seeds[" + i + "]";
                if (s.isIntegralNumber() && !s.canConvertToLong()) {
                    problems.add(new Problem(path, "'" + s.asText() + "' " + SEED_RANGE));
                } else if (!s.isIntegralNumber()) {
                    problems.add(new Problem(path, "'" + s.asText() + "' is not an integer"));
                } else if (out.contains(s.asLong())) {
                    problems.add(new Problem(path, "seed " + s.asLong() + " is listed twice"));
                } else {
                    out.add(s.asLong());
                }
            }
        } else {
            problems.add(new Problem("seeds", "must be a list of integers such as [0, 1, 2]"));
        }
        return out;
    }

    /** {@code output}, or runs/NAME: a folder of its own (not empty, not the file system's root). */
    static Path output(ObjectNode root, String name, List<Problem> problems) {
        String fallback = "runs/" + (name == null ? "experiment" : name);
        String text = text(root, "output", problems, null);
        if (text == null) {
            return Path.of(fallback);
        }
        try {
            Path p = Path.of(text);
            if (text.isBlank()) {
                problems.add(new Problem("output", "is empty: give the folder the run writes to, e.g. " + fallback));
            } else if (p.toAbsolutePath().normalize().getParent() == null) {
                problems.add(new Problem("output", "'" + text + "' is the file system's root: give a folder of its "
                        + "own, e.g. " + fallback));
            } else {
                return p;
            }
        } catch (InvalidPathException e) {
            problems.add(new Problem("output", "'" + text + "' is not a folder name: " + e.getReason()));
        }
        return Path.of(fallback);
    }
}
