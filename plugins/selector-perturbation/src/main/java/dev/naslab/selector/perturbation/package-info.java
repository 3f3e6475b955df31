/**
 * The {@code perturbation} selector (DARTS-PT, Wang et al., ICLR 2021, arXiv 2108.04392); start
 * at {@link dev.naslab.selector.perturbation.PerturbationSelector}.
 */
package dev.naslab.selector.perturbation;
