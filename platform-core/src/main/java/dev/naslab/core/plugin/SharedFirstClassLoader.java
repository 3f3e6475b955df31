package dev.naslab.core.plugin;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin class loader that takes the shared libraries from the host, always: a plugin that
 * carries its own copy of DJL, Jackson, SLF4J or the naslab API would otherwise load a second,
 * incompatible copy (class cast errors, a second native engine). Everything else is
 * plugin-first, so plugins may bundle private libraries.
 */
final class SharedFirstClassLoader extends PluginClassLoader {

    static final String[] SHARED = {"ai.djl.", "com.sun.jna.", "com.google.gson.", "com.fasterxml.jackson.",
        "org.yaml.snakeyaml.", "org.slf4j.", "dev.naslab.api."};

    SharedFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
    }

    @Override
    public Class<?> loadClass(String name) throws ClassNotFoundException {
        for (String prefix : SHARED) {
            if (name.startsWith(prefix)) {
                return getParent().loadClass(name);
            }
        }
        return super.loadClass(name);
    }
}
