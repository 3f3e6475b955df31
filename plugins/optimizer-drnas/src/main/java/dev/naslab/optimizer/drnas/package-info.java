/**
 * The {@code drnas} search optimizer: {@link dev.naslab.optimizer.drnas.DrnasOptimizer} (Chen et al.,
 * "DrNAS: Dirichlet Neural Architecture Search", ICLR 2021), its {@link dev.naslab.optimizer.drnas.DirichletSampler}
 * with pathwise gradients and the evaluation mixing {@link dev.naslab.optimizer.drnas.DirichletMeanMixing}.
 */
package dev.naslab.optimizer.drnas;
