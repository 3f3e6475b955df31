/**
 * The naslab plugin API: the five extension points ({@link dev.naslab.api.SearchSpace},
 * {@link dev.naslab.api.SearchOptimizer}, {@link dev.naslab.api.ArchitectureSelector},
 * {@link dev.naslab.api.DatasetProvider}, {@link dev.naslab.api.Evaluator}) that plugins implement
 * with PF4J's {@code @Extension}. Sub-packages hold the supernet model, data, layers, optimizers
 * and the contexts the host hands to plugins.
 */
package dev.naslab.api;
