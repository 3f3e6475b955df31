/**
 * The {@code pc-darts} search optimizer: {@link dev.naslab.optimizer.pcdarts.PcDartsOptimizer} (Xu et al.,
 * "PC-DARTS: Partial Channel Connections for Memory-Efficient Architecture Search", ICLR 2020) and its
 * mixing {@link dev.naslab.optimizer.pcdarts.EdgeNormalisedMixing}.
 */
package dev.naslab.optimizer.pcdarts;
