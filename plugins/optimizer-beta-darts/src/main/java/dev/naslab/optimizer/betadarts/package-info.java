/**
 * The {@code beta-darts} search optimizer: {@link dev.naslab.optimizer.betadarts.BetaDartsOptimizer}
 * (Ye et al., "β-DARTS: Beta-Decay Regularization for Differentiable Architecture Search", CVPR 2022)
 * and its regulariser {@link dev.naslab.optimizer.betadarts.BetaDecay}.
 */
package dev.naslab.optimizer.betadarts;
