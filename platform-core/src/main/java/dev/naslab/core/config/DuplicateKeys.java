package dev.naslab.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds keys given twice in one YAML mapping. Jackson's tree keeps the last of them, so
 * {@code {epochs: 1, epochs: 50}} would silently run 50 epochs; naslab names both lines instead.
 */
final class DuplicateKeys {

    private static final class Frame {
        final boolean mapping;
        final String path;
        final Map<String, Integer> seen = new HashMap<>();
        String key;
        int index;

        Frame(boolean mapping, String path) {
            this.mapping = mapping;
            this.path = path;
        }

        String child() {
            return mapping ? SettingsBinder.join(path, key) : path + "[" + index + "]";
        }
    }

    private DuplicateKeys() {
    }

    /** One problem per key given again, at its path, naming both lines; nothing for text that is not YAML. */
    static List<Problem> in(String text) {
        List<Problem> out = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = Mappers.YAML.getFactory().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> stack.push(new Frame(t == JsonToken.START_OBJECT,
                            stack.isEmpty() ? "" : stack.peek().child()));
                    case END_OBJECT, END_ARRAY -> {
                        stack.pop();
                        valueEnded(stack);
                    }
                    case FIELD_NAME -> {
                        Frame f = stack.peek();
                        f.key = p.currentName();
                        int line = p.currentTokenLocation().getLineNr();
                        Integer first = f.seen.putIfAbsent(f.key, line);
                        if (first != null) {
                            out.add(new Problem(f.child(), "given twice, on line " + first + " and on line " + line
                                    + "; keep one (naslab does not guess which you meant)"));
                        }
                    }
                    default -> valueEnded(stack);
                }
            }
        } catch (IOException e) {
            // malformed YAML is reported by the tree reader with its line and column
        }
        return out;
    }

    private static void valueEnded(Deque<Frame> stack) {
        if (!stack.isEmpty() && !stack.peek().mapping) {
            stack.peek().index++;
        }
    }
}
