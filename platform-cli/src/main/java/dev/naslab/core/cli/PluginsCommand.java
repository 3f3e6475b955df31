package dev.naslab.core.cli;

import dev.naslab.core.UserException;
import dev.naslab.core.config.SettingsBinder;
import dev.naslab.core.plugin.PluginEntry;
import dev.naslab.core.plugin.Registry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code naslab plugins}: what is installed, with settings keys and defaults. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List installed extensions: id, kind, plugin version, settings keys with defaults.")
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    PluginOptions pluginOptions;

    @picocli.CommandLine.Option(names = "--describe", paramLabel = "ID",
            description = "Describe one extension: every setting with its YAML key, type, default and what it does.")
    String describe;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        Registry registry = pluginOptions.load();
        if (describe != null) {
            return describe(registry);
        }
        System.out.printf("%-10s %-16s %-24s %-8s %s%n", "KIND", "ID", "PLUGIN", "VERSION", "SETTINGS (defaults)");
        for (PluginEntry e : registry.all()) {
            Map<String, Object> d = SettingsBinder.defaults(
                    (Class<? extends Record>) e.extension().settingsClass());
            String settings = d.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                    .collect(Collectors.joining(", "));
            System.out.printf("%-10s %-16s %-24s %-8s %s%n", e.kind().noun(), e.id(), e.pluginId(), e.version(),
                    settings.isEmpty() ? "(none)" : settings);
        }
        if (registry.all().isEmpty()) {
            System.out.println("(no plugins found in " + pluginOptions.roots() + ")");
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private int describe(Registry registry) {
        List<PluginEntry> found = registry.all().stream().filter(e -> e.id().equals(describe)).toList();
        if (found.isEmpty()) {
            List<String> ids = registry.all().stream().map(PluginEntry::id).distinct().sorted().toList();
            throw new UserException("no extension '" + describe + "'" + dev.naslab.api.Suggestions.hint(describe, ids)
                    + "; installed: " + String.join(", ", ids));
        }
        for (PluginEntry e : found) {
            Class<? extends Record> type = (Class<? extends Record>) e.extension().settingsClass();
            System.out.printf("%s %s (plugin %s %s)%n", e.kind().noun(), e.id(), e.pluginId(), e.version());
            if (!e.extension().description().isBlank()) {
                System.out.println("  " + e.extension().description());
            }
            Map<String, Object> defaults = SettingsBinder.defaults(type);
            List<List<String>> rows = new java.util.ArrayList<>();
            for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
                String key = dev.naslab.core.config.Mappers.snake(c.getName());
                dev.naslab.api.Setting doc = c.getAnnotation(dev.naslab.api.Setting.class);
                rows.add(List.of(key, typeName(c.getGenericType()), String.valueOf(defaults.get(key)),
                        doc == null ? "(the plugin does not describe it)" : doc.value()));
            }
            if (rows.isEmpty()) {
                System.out.println("  (no settings)");
            } else {
                int[] w = new int[3];
                for (List<String> r : rows) {
                    for (int i = 0; i < 3; i++) {
                        w[i] = Math.max(w[i], r.get(i).length());
                    }
                }
                for (List<String> r : rows) {
                    System.out.printf("  %-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %s%n", r.get(0), r.get(1),
                            r.get(2), r.get(3));
                }
            }
        }
        return 0;
    }

    /** Integer → integer, Map<String, List<Integer>> → map of string to list of integer: YAML words. */
    static String typeName(java.lang.reflect.Type t) {
        if (t instanceof java.lang.reflect.ParameterizedType p) {
            java.lang.reflect.Type[] a = p.getActualTypeArguments();
            String raw = typeName(p.getRawType());
            return a.length == 1 ? raw + " of " + typeName(a[0]) : raw + " of " + typeName(a[0]) + " to "
                    + typeName(a[a.length - 1]);
        }
        if (t instanceof Class<?> c) {
            if (java.util.List.class.isAssignableFrom(c)) {
                return "list";
            }
            if (java.util.Map.class.isAssignableFrom(c)) {
                return "map";
            }
            return switch (c.getSimpleName()) {
                case "Integer", "Long", "int", "long" -> "integer";
                case "Double", "Float", "double", "float" -> "number";
                case "Boolean", "boolean" -> "true/false";
                case "String" -> "string";
                case "Object" -> "string or list";
                default -> c.getSimpleName();
            };
        }
        return t.getTypeName();
    }
}
