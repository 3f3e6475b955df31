/**
 * Training tools shared by optimizers, selectors and evaluators: PyTorch-semantics
 * {@link dev.naslab.api.train.Sgd} and {@link dev.naslab.api.train.Adam}, global-norm
 * {@link dev.naslab.api.train.GradClip}, {@link dev.naslab.api.train.Schedules}, memory-scoped
 * {@link dev.naslab.api.train.Passes}, and the seeded {@link dev.naslab.api.base.Rng}.
 */
package dev.naslab.api.train;
