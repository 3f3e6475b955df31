package dev.naslab.core.config;

import dev.naslab.api.Suggestions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.naslab.api.SettingException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds a component's YAML block to its plugin's settings record, turning failures into problems. */
public final class SettingsBinder {

    private SettingsBinder() {
    }

    /** The keys a settings record accepts (snake_case). */
    public static List<String> keys(Class<? extends Record> type) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            out.add(Mappers.snake(c.getName()));
        }
        return out;
    }

    /** The record's defaults: what an empty block binds to, key → value. */
    public static Map<String, Object> defaults(Class<? extends Record> type) {
        Map<String, Object> out = new LinkedHashMap<>();
        var node = JsonNodeFactory.instance.objectNode();
        java.util.Set<String> required = new java.util.HashSet<>();
        Optional<? extends Record> r = Optional.empty();
        for (int attempt = 0; attempt <= type.getRecordComponents().length && r.isEmpty(); attempt++) {
            List<Problem> problems = new ArrayList<>();
            r = bind(node, type, "", problems);
            if (r.isEmpty()) {
                // a required key: give it a placeholder and try again, to show the others' defaults
                String key = problems.isEmpty() ? null : problems.get(0).path();
                if (key == null || key.isEmpty() || !required.add(key)) {
                    break;
                }
                node.put(key, "<required>");
            }
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Object v = null;
            if (r.isPresent()) {
                try {
                    v = c.getAccessor().invoke(r.get());
                } catch (ReflectiveOperationException e) {
                    v = "?";
                }
            }
            String key = Mappers.snake(c.getName());
            out.put(key, required.contains(key) ? "(required)" : v == null ? "(unset)" : v);
        }
        return out;
    }

    /**
     * Binds {@code node} (the block without host keys) to {@code type}; on failure adds a problem
     * located under {@code path} for every setting that is wrong, and returns empty.
     *
     * <p>Jackson stops at the first unknown key or wrong type, and a settings record's constructor
     * at the first value out of range; so a failing key is taken out of a copy of the block and the
     * rest bound again, until it binds or a problem names no key of the block.
     */
    public static <T extends Record> Optional<T> bind(JsonNode node, Class<T> type, String path,
            List<Problem> problems) {
        JsonNode rest = node.deepCopy();
        boolean failed = false;
        for (int tries = 0; tries <= node.size(); tries++) {
            Failure<T> f = tryBind(rest, type, path);
            if (f.value() != null) {
                return failed ? Optional.empty() : Optional.of(f.value());
            }
            problems.add(f.problem());
            failed = true;
            if (f.key() == null || !(rest instanceof ObjectNode o) || o.remove(f.key()) == null) {
                break;
            }
        }
        return Optional.empty();
    }

    /** A bound value, or the problem and the top-level key of the block it is at (null if none). */
    private record Failure<T>(T value, Problem problem, String key) {
    }

    private static <T extends Record> Failure<T> tryBind(JsonNode node, Class<T> type, String path) {
        try {
            return new Failure<>(Mappers.YAML.treeToValue(node, type), null, null);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = keys(type);
            String key = e.getPropertyName();
            return new Failure<>(null, new Problem(join(path, key), "unknown key" + Suggestions.hint(key, known)
                    + "; allowed: " + (known.isEmpty() ? "(none)" : String.join(", ", known))), key);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SettingException s) {
                return new Failure<>(null, new Problem(join(path, s.key()), s.reason()), s.key());
            }
            return new Failure<>(null, new Problem(path, cause == null ? e.getOriginalMessage() : cause.getMessage()),
                    null);
        } catch (InvalidFormatException e) {
            return new Failure<>(null, new Problem(join(path, location(e)), "'" + e.getValue() + "' is not "
                    + typeName(e.getTargetType())), topKey(e));
        } catch (MismatchedInputException e) {
            JsonNode given = at(node, e);
            return new Failure<>(null, new Problem(join(path, location(e)), (given == null ? "a value" : "'" + given
                    + "'") + " is not " + typeName(e.getTargetType())), topKey(e));
        } catch (JsonProcessingException e) {
            return new Failure<>(null, new Problem(path, e.getOriginalMessage()), null);
        }
    }

    private static String topKey(JsonMappingException e) {
        return e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
    }

    private static JsonNode at(JsonNode root, JsonMappingException e) {
        JsonNode cur = root;
        for (JsonMappingException.Reference r : e.getPath()) {
            if (cur == null) {
                return null;
            }
            cur = r.getFieldName() != null ? cur.get(r.getFieldName()) : cur.get(r.getIndex());
        }
        return cur;
    }

    private static String location(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static String typeName(Class<?> t) {
        if (t == null) {
            return "of the expected type";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "an integer";
        }
        if (t == Double.class || t == double.class || t == Float.class || t == float.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(t)) {
            return "a list";
        }
        return "a " + t.getSimpleName();
    }

    static String join(String path, String key) {
        if (key == null || key.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? key : path + "." + key;
    }
}
