package dev.naslab.core.cli;

import dev.naslab.core.config.SettingsBinder;
import dev.naslab.core.plugin.PluginEntry;
import dev.naslab.core.plugin.Registry;
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

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        Registry registry = pluginOptions.load();
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
}
