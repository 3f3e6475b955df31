/**
 * Reading run folders ({@link dev.naslab.core.report.RunFolder}) and comparing their variants
 * ({@link dev.naslab.core.report.Comparison}: mean ± std per variant, paired per-seed differences,
 * {@link dev.naslab.core.report.PairedTest}); written as {@code summary.csv}, {@code report.md} and
 * {@code report.html} by {@link dev.naslab.core.report.ComparisonReport}, and as the terminal's
 * results table by {@link dev.naslab.core.report.ResultsTable}. Plots are JFreeChart SVGs.
 */
package dev.naslab.core.report;
