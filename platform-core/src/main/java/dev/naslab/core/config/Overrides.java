package dev.naslab.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/** Applies {@code --set path=value} overrides to an experiment tree; values are YAML scalars or lists. */
public final class Overrides {

    private Overrides() {
    }

    public static void apply(ObjectNode root, List<String> sets, List<Problem> problems) {
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem("--set " + s, "expected path=value, e.g. search.epochs=2"));
                continue;
            }
            String path = s.substring(0, eq).trim();
            set(root, path, parseValue(s.substring(eq + 1)), "--set " + path, problems);
        }
    }

    /**
     * Writes {@code value} at the dotted {@code path} ({@code search.0.epochs}); blocks on the way
     * must exist except the last key's own block. Returns false (with a problem under
     * {@code where}) when the path does not lead anywhere.
     */
    public static boolean set(ObjectNode root, String path, JsonNode value, String where, List<Problem> problems) {
        String[] parts = path.split("\\.", -1);
        if (path.isBlank() || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            problems.add(new Problem(where, "'" + path + "' is not a key path: dotted keys without empty parts, e.g. "
                    + "search.epochs or space.0.channels"));
            return false;
        }
        JsonNode cur = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = child(cur, parts[i]);
            if (next == null && isIndex(parts[i]) && i > 0 && cur instanceof ObjectNode) {
                problems.add(new Problem(where, "'" + String.join(".", List.of(parts).subList(0, i))
                        + "' is a single block, not a list: leave out the index (" + String.join(".",
                        List.of(parts).subList(0, i)) + "." + String.join(".", List.of(parts).subList(i + 1,
                        parts.length)) + ")"));
                return false;
            }
            if (next == null) {
                if (cur instanceof ObjectNode o) {
                    next = o.putObject(parts[i]);
                } else {
                    problems.add(new Problem(where, "'" + String.join(".", List.of(parts).subList(0, i + 1))
                            + "' does not exist" + (cur instanceof ArrayNode a ? " (the list has " + a.size()
                            + " entr" + (a.size() == 1 ? "y" : "ies") + ", indexed from 0)" : "")));
                    return false;
                }
            } else if (!next.isContainerNode()) {
                if (cur instanceof ObjectNode o && next.isTextual()) {
                    // a component given by id alone: turn it into a block to set its keys
                    ObjectNode block = o.putObject(parts[i]);
                    block.set("use", next);
                    next = block;
                } else if (cur instanceof ArrayNode a && next.isTextual()) {
                    ObjectNode block = a.objectNode();
                    block.set("use", next);
                    a.set(Integer.parseInt(parts[i]), block);
                    next = block;
                } else {
                    problems.add(new Problem(where, "'" + parts[i] + "' is a value, not a block"));
                    return false;
                }
            }
            cur = next;
        }
        String last = parts[parts.length - 1];
        if (cur instanceof ObjectNode o) {
            o.set(last, value);
            return true;
        }
        if (cur instanceof ArrayNode a && isIndex(last) && Integer.parseInt(last) < a.size()) {
            a.set(Integer.parseInt(last), value);
            return true;
        }
        problems.add(new Problem(where, "cannot set '" + last + "' here"));
        return false;
    }

    private static JsonNode child(JsonNode node, String key) {
        if (node instanceof ArrayNode a) {
            return isIndex(key) && Integer.parseInt(key) < a.size() ? a.get(Integer.parseInt(key)) : null;
        }
        return node.get(key);
    }

    private static boolean isIndex(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 6;
    }

    private static JsonNode parseValue(String text) {
        if (text.isBlank()) {
            return TextNode.valueOf(text);
        }
        try {
            JsonNode n = Mappers.YAML.readTree(text);
            return n == null || n.isMissingNode() ? TextNode.valueOf(text) : n;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
