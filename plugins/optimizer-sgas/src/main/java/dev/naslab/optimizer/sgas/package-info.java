/**
 * The {@code sgas} search optimizer (SGAS, Li et al., CVPR 2020, criteria 1 and 2); start at
 * {@link dev.naslab.optimizer.sgas.SgasOptimizer}.
 */
package dev.naslab.optimizer.sgas;
