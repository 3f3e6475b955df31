/**
 * Trials as Slurm batch jobs: one job per trial, started by the distribution's launcher in the trial's folder
 * on a file system the nodes share. {@link dev.naslab.core.slurm.SlurmTrialExecutor} submits, watches the jobs
 * through {@code squeue} (and {@code sacct} where accounting is on), resubmits a job Slurm ended for a reason
 * other than the trial's own code (preemption, node failure, time limit, cancellation) from the trial's
 * newest checkpoint, and records each result once. {@link dev.naslab.core.slurm.JobRecord} in each trial
 * folder remembers the jobs, so a later run adopts jobs a detached or dead coordinator left instead of
 * submitting twice.
 */
package dev.naslab.core.slurm;
