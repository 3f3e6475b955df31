package dev.naslab.api;

import org.pf4j.Plugin;

/**
 * The plugin class every naslab plugin can name as {@code Plugin-Class}: PF4J 3.13 needs one,
 * and naslab plugins have no life-cycle of their own, so this does nothing.
 */
public class NaslabPlugin extends Plugin {
}
