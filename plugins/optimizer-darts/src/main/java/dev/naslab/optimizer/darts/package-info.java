/**
 * The {@code darts} search optimizer: {@link dev.naslab.optimizer.darts.DartsOptimizer}
 * (Liu et al., ICLR 2019, arXiv 1806.09055).
 */
package dev.naslab.optimizer.darts;
