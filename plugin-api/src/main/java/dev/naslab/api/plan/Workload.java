package dev.naslab.api.plan;

/**
 * How much compute a stage will do, in units the host can time on the user's machine: epochs of
 * training steps and forward-only passes over a data split. {@code naslab plan} multiplies these
 * by step times it measures (and caches) to estimate how long an experiment takes; a stage that
 * cannot say leaves its estimate open.
 *
 * @param trainingEpochs   epochs of training steps. For a selector: steps of the supernet over the
 *                         train split at the search's batch size (fine-tuning between decisions).
 *                         For an evaluator: steps of the discrete network over its training data
 * @param validationPasses forward-only passes over the validation split (a selector's scoring)
 *                         or, for an evaluator, over the test split
 * @param batchSize        the stage's batch size; 0 means the search's
 * @param withValidation   an evaluator that trains on train + validation (as DARTS-style final
 *                         training does); false: on the train split only
 * @param supernetBatches  a selector's forward-only passes of the supernet over single batches of
 *                         {@code batchSize} images, whatever the splits' sizes (Zero-Cost-PT's proxy passes);
 *                         since 0.3
 * @param networkBatches   a selector's forward-only passes of discrete networks of the space over
 *                         single batches of {@code batchSize} images (candidates scored at
 *                         initialisation); since 0.3
 * @since 0.2
 */
public record Workload(double trainingEpochs, double validationPasses, int batchSize, boolean withValidation,
        double supernetBatches, double networkBatches) {

    /**
     * Checks that nothing is negative.
     *
     * @param trainingEpochs epochs of training steps
     * @param validationPasses forward-only passes over the validation (or test) split
     * @param batchSize images per batch
     * @param withValidation whether it trains on train + validation
     * @param supernetBatches forward-only single-batch passes of the supernet
     * @param networkBatches forward-only single-batch passes of discrete networks
     * @since 0.3
     */
    public Workload {
        if (trainingEpochs < 0 || validationPasses < 0 || batchSize < 0 || supernetBatches < 0 || networkBatches < 0) {
            throw new IllegalArgumentException("a workload cannot be negative");
        }
    }

    /**
     * A workload of epochs and split passes only, as before 0.3.
     *
     * @param trainingEpochs epochs of training steps
     * @param validationPasses forward-only passes over the validation (or test) split
     * @param batchSize images per batch
     * @param withValidation whether it trains on train + validation
     */
    public Workload(double trainingEpochs, double validationPasses, int batchSize, boolean withValidation) {
        this(trainingEpochs, validationPasses, batchSize, withValidation, 0, 0);
    }

    /**
     * {@return a selector's work in single batches: {@code supernetBatches} forward passes of the supernet and
     * {@code networkBatches} of discrete networks, each of {@code batchSize} images (0: the search's)}
     *
     * @param supernetBatches forward-only passes of the supernet
     * @param networkBatches forward-only passes of discrete networks
     * @param batchSize images per batch; 0 means the search's
     * @since 0.3
     */
    public static Workload batches(double supernetBatches, double networkBatches, int batchSize) {
        return new Workload(0, 0, batchSize, false, supernetBatches, networkBatches);
    }

    /**
     * {@return a selector's work: {@code tuningEpochs} of supernet steps and {@code scoringPasses} over validation}
     *
     * @param tuningEpochs epochs of supernet tuning
     * @param scoringPasses validation passes
     */
    public static Workload selection(double tuningEpochs, double scoringPasses) {
        return new Workload(tuningEpochs, scoringPasses, 0, false);
    }

    /**
     * {@return an evaluator's work: {@code epochs} of training at {@code batchSize}, then one test pass}
     *
     * @param epochs training epochs
     * @param batchSize images per batch
     * @param withValidation whether it trains on train + validation
     */
    public static Workload evaluation(double epochs, int batchSize, boolean withValidation) {
        return new Workload(epochs, 1, batchSize, withValidation);
    }
}
