/**
 * The {@code gdas} search optimizer: {@link dev.naslab.optimizer.gdas.GdasOptimizer} (Dong and Yang,
 * "Searching for a Robust Neural Architecture in Four GPU Hours", CVPR 2019), with its
 * {@link dev.naslab.optimizer.gdas.GumbelSampler} and evaluation mixing
 * {@link dev.naslab.optimizer.gdas.ArgmaxMixing}.
 */
package dev.naslab.optimizer.gdas;
