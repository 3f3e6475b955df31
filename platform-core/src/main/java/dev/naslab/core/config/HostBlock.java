package dev.naslab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.Suggestions;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A top-level map the host reads itself ({@code benchmark:}, {@code diagnostics:}), not a plugin
 * component: absent, or a map whose keys are all known.
 */
final class HostBlock {

    private HostBlock() {
    }

    /**
     * The map under {@code key}, or empty when it is absent or not a map (then said, with {@code
     * example}). Each unknown key is a problem with the closest known one; the map is returned anyway
     * so that its other keys are checked too.
     */
    static Optional<JsonNode> read(ObjectNode root, String key, List<String> keys, String example,
            List<Problem> problems) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isObject()) {
            problems.add(new Problem(key, "must be a map such as " + example));
            return Optional.empty();
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!keys.contains(k)) {
                problems.add(new Problem(key + "." + k, "unknown key" + Suggestions.hint(k, keys) + "; allowed: "
                        + String.join(", ", keys)));
            }
        }
        return Optional.of(n);
    }
}
