package dev.naslab.api.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One-JSON-object-per-line logs written by plugins (e.g. {@code decisions.jsonl}), without a JSON
 * library in the plugin: values are strings, numbers, booleans, maps, collections and arrays.
 */
public final class DecisionLog {

    private DecisionLog() {
    }

    /** A line under construction, keys in insertion order. */
    public static final class Line {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        /**
         * Adds {@code key}: {@code value}; returns this line.
         *
         * @param key the field's name
         * @param value its value (anything Jackson writes as JSON)
         * @return this line
         */
        public Line put(String key, Object value) {
            fields.put(key, value);
            return this;
        }

        @Override
        public String toString() {
            return json(fields);
        }
    }

    /** {@return a new, empty line} */
    public static Line line() {
        return new Line();
    }

    /**
     * Appends {@code line} to {@code file} (created with its folders).
     *
     * @param file the log file (decisions.jsonl)
     * @param line the line to append
     */
    public static void append(Path file, Line line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
        if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
            return "null";
        }
        if (v instanceof Float f) {
            return String.format(Locale.ROOT, "%.6g", f);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(json(String.valueOf(e.getKey()))).append(':').append(json(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : c) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(json(o));
            }
            return sb.append(']').toString();
        }
        if (v.getClass().isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(v); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(json(Array.get(v, i)));
            }
            return sb.append(']').toString();
        }
        return json(v.toString());
    }
}
