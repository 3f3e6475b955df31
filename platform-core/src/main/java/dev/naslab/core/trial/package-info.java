/**
 * Trials: the executor contract ({@link dev.naslab.core.trial.TrialExecutor}) and its local pool of
 * child JVMs, the child's entry point and pipeline (search, select, evaluate), the outcomes a
 * coordinator records, and {@code status.json} ({@link dev.naslab.core.trial.StatusBoard}).
 */
package dev.naslab.core.trial;
