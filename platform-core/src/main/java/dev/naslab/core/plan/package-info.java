/**
 * Planning: an experiment's matrix expanded into trials ({@link dev.naslab.core.plan.ExperimentPlan},
 * {@link dev.naslab.core.plan.TrialSpec}), which of them a run folder already holds
 * ({@link dev.naslab.core.plan.TrialState}), and the time estimate of {@code naslab plan} from the
 * plugins' workloads and a measured calibration ({@link dev.naslab.core.plan.TimeEstimator}).
 */
package dev.naslab.core.plan;
