/**
 * Benchmark ground truth: NAS-Bench-201 cells as strings ({@link dev.naslab.api.bench.Nb201Cell}) and tables of
 * their trained accuracies in naslab's plain format ({@link dev.naslab.api.bench.Nb201Table}), read by the
 * {@code nb201-table} evaluator and by the host's per-epoch lookup. Toolkit, not an extension point.
 *
 * @since 0.2.3
 */
package dev.naslab.api.bench;
