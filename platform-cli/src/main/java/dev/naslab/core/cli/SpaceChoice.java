package dev.naslab.core.cli;

import dev.naslab.core.UserException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.model.InputShape;
import dev.naslab.core.config.ConfigException;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.config.Overrides;
import dev.naslab.core.config.Problem;
import dev.naslab.core.config.SettingsBinder;
import dev.naslab.api.Suggestions;
import dev.naslab.core.plugin.Kind;
import dev.naslab.core.plugin.Registry;
import java.util.ArrayList;
import java.util.List;

/** A space picked on the command line by id, with {@code --set key=value} settings. */
record SpaceChoice(SearchSpace<Record> space, Record settings) {

    @SuppressWarnings("unchecked")
    static SpaceChoice of(Registry registry, String id, List<String> sets, InputShape input, int classes,
            String command) throws ConfigException {
        var entry = registry.find(Kind.SPACE, id);
        if (entry.isEmpty()) {
            throw new UserException("unknown space '" + id + "'" + Suggestions.hint(id, registry.ids(Kind.SPACE))
                    + "; installed: " + String.join(", ", registry.ids(Kind.SPACE)));
        }
        SearchSpace<Record> space = (SearchSpace<Record>) entry.get().extension();
        ObjectNode node = Mappers.YAML.createObjectNode();
        List<Problem> problems = new ArrayList<>();
        Overrides.apply(node, sets, problems);
        var settings = SettingsBinder.bind(node, space.settingsClass(), "--set", problems);
        if (settings.isPresent()) {
            space.check(settings.get(), input, classes).forEach(p -> problems.add(new Problem("--input", p)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(command + " " + id, problems);
        }
        return new SpaceChoice(space, settings.get());
    }

    static InputShape input(String text) {
        try {
            return InputShape.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserException("--input: " + e.getMessage());
        }
    }
}
