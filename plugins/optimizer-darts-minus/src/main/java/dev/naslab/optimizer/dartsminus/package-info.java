/**
 * The {@code darts-minus} search optimizer: {@link dev.naslab.optimizer.dartsminus.DartsMinusOptimizer}
 * (Chu et al., "DARTS-: Robustly Stepping out of Performance Collapse Without Indicators", ICLR 2021) and the
 * schedule of its auxiliary skip connections, {@link dev.naslab.optimizer.dartsminus.AuxiliaryDecay}.
 */
package dev.naslab.optimizer.dartsminus;
