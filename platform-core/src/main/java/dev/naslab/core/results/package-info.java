/**
 * The run folder on disk: its names ({@link dev.naslab.core.results.RunLayout}), atomic writes, the
 * output folder's claim and lock, tensor files, a trial's result and status
 * ({@link dev.naslab.core.results.TrialResult}, {@link dev.naslab.core.results.TrialStatus}), its
 * provenance manifest and the {@code results.csv} rows.
 */
package dev.naslab.core.results;
