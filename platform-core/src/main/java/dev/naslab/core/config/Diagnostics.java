package dev.naslab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

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
        int before = problems.size();
        Optional<JsonNode> block = HostBlock.read(root, KEY, KEYS, "{hessian_every: 2}", problems);
        if (block.isEmpty() || problems.size() > before) {
            return null;
        }
        JsonNode n = block.get();
        JsonNode every = n.get("hessian_every");
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
