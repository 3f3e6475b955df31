package dev.naslab.api.eval;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.Progress;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.train.Rng;
import java.nio.file.Path;

/** What the host hands an {@link dev.naslab.api.Evaluator}. */
public interface EvaluationContext {

    DataSplits data();

    /** Builds the discrete network of {@code architecture} with the trial's space and settings. */
    Network network(Architecture architecture, Rng rng, NDManager manager);

    /** The trial's seed. */
    long seed();

    /** A long-lived manager for the evaluation's arrays. */
    NDManager manager();

    /** The evaluator's own folder. */
    Path workDir();

    Progress progress();
}
