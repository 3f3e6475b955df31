/**
 * The {@code nb201-table} evaluator: the selected NAS-Bench-201 cell's accuracy looked up in a benchmark table
 * ({@link dev.naslab.api.bench.Nb201Table}) instead of a training run.
 */
package dev.naslab.evaluator.nb201table;
