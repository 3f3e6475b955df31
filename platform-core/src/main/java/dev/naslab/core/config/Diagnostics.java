package dev.naslab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The experiment key {@code diagnostics: {hessian_every: N}}: during the search, every N epochs and
 * after the last, the largest eigenvalue of the validation loss's Hessian with respect to α
 * (RobustDARTS's collapse signal) and, after every epoch, the skip connections of the derived
 * architecture per cell type, both in {@code metrics.jsonl} and plotted by the report.
 *
 * @param hessianEvery epochs between two Hessian measurements
 */
public record Diagnostics(int hessianEvery) {

    static final String KEY = "diagnostics";
    private static final List<String> KEYS = List.of("hessian_every");

    /** Whether the Hessian is measured after epoch {@code epoch} (1-based) of {@code epochs}. */
    public boolean hessianAfter(int epoch, int epochs) {
        return epoch % hessianEvery == 0 || epoch == epochs;
    }

    /** The key's value, checked; null when the experiment has none. */
    static Diagnostics parse(ObjectNode root, List<Problem> problems) {
        JsonNode n = root.get(KEY);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            problems.add(new Problem(KEY, "must be a map such as {hessian_every: 2}"));
            return null;
        }
        boolean ok = true;
        for (var it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                problems.add(new Problem(KEY + "." + k, "unknown key" + dev.naslab.api.Suggestions.hint(k, KEYS)
                        + "; allowed: " + String.join(", ", KEYS)));
                ok = false;
            }
        }
        JsonNode every = n.get("hessian_every");
        if (!ok) {
            return null;
        }
        if (every == null || !every.canConvertToInt() || !every.isIntegralNumber() || every.asInt() < 1) {
            problems.add(new Problem(KEY + ".hessian_every", (every == null ? "required" : "'" + every.asText()
                    + "' is not a positive number of epochs") + ": how many epochs between two Hessian measurements "
                    + "(RobustDARTS: 2); leave out diagnostics to measure nothing"));
            return null;
        }
        return new Diagnostics(every.asInt());
    }

    ObjectNode resolved() {
        return Mappers.YAML.createObjectNode().put("hessian_every", hessianEvery);
    }
}
