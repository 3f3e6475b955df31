/** The experiment's results table: CSV, Markdown and the terminal. */
package dev.naslab.core.report;
