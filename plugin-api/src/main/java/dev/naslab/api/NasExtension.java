package dev.naslab.api;

import org.pf4j.ExtensionPoint;

/**
 * What every naslab extension has: a short kebab-case id, used in experiment files as
 * {@code use: <id>}, and a settings record that the host binds from the component's YAML block.
 *
 * <p>The settings record's compact constructor fills documented defaults for absent (null) keys
 * and throws {@link IllegalArgumentException} naming the key when a value is out of range; the
 * host turns that into a config error that names the file and the key path.
 *
 * @param <S> the settings record type
 */
public interface NasExtension<S extends Record> extends ExtensionPoint {

    /** {@return the id used in experiment files ({@code use: darts}); unique among extensions of one kind} */
    String id();

    /** {@return the record the component's YAML block binds to (unknown keys are rejected)} */
    Class<S> settingsClass();

    /** {@return one line for {@code naslab plugins}} */
    default String description() {
        return "";
    }
}
