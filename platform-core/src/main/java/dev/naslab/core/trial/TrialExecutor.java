package dev.naslab.core.trial;

import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.results.TrialResult;
import java.util.List;

/**
 * Where an experiment's trials run: {@link LocalTrialExecutor} (child JVMs on this machine, the
 * default), the Hazelcast cluster's executor ({@code dev.naslab.core.cluster}) or Slurm jobs
 * ({@code dev.naslab.core.slurm}). Either way a trial with a
 * finished {@code result.json} in the output folder is reused, every other one runs (resuming from
 * its checkpoints), and each trial's result is recorded once.
 */
public interface TrialExecutor {

    /** Runs {@code trials} and returns their results in the same order. */
    List<TrialResult> run(List<TrialSpec> trials) throws InterruptedException;
}
