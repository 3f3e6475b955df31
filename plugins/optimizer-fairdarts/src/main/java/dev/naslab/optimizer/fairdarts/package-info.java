/**
 * FairDARTS (Chu et al., "Fair DARTS: Eliminating Unfair Advantages in Differentiable Architecture
 * Search", ECCV 2020): the {@code fairdarts} search optimizer ({@link dev.naslab.optimizer.fairdarts.FairDartsOptimizer},
 * {@link dev.naslab.optimizer.fairdarts.SigmoidMixing}, {@link dev.naslab.optimizer.fairdarts.ZeroOneLoss}) and the
 * {@code threshold} selector ({@link dev.naslab.optimizer.fairdarts.ThresholdSelector}), which keeps every op whose
 * strength reaches a threshold, so an edge may keep none, one or several.
 */
package dev.naslab.optimizer.fairdarts;
