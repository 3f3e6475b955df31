/** The {@code naslab} command line (picocli): run, validate, plugins, inspect, bench. */
package dev.naslab.core.cli;
