/** Loading plugins with PF4J and finding their extensions by kind and id ({@link dev.naslab.core.plugin.Registry}). */
package dev.naslab.core.plugin;
