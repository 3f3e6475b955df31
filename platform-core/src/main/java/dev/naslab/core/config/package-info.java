/** Experiment files: YAML parsing, overrides, validation with located problems, settings binding. */
package dev.naslab.core.config;
