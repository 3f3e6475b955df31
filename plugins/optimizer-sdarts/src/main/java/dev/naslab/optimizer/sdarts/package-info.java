/**
 * The {@code sdarts} search optimizer (SDARTS-RS and SDARTS-ADV, Chen and Hsieh, ICML 2020); start
 * at {@link dev.naslab.optimizer.sdarts.SdartsOptimizer}.
 */
package dev.naslab.optimizer.sdarts;
