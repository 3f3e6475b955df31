package dev.naslab.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-line description of a setting, on a component of an extension's settings record; shown by
 * {@code naslab plugins --describe <id>} next to the setting's YAML key, type and default.
 *
 * <pre>{@code
 * public record Settings(@Setting("epochs of supernet training") Integer epochs) { ... }
 * }</pre>
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {

    /** {@return what the setting does, in one line (its default is shown separately)} */
    String value();
}
