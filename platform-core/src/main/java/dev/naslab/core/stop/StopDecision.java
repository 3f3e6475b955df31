package dev.naslab.core.stop;

/** What a stopper decides after an epoch. */
public sealed interface StopDecision {

    /** Go on searching. */
    record Continue() implements StopDecision {
    }

    /**
     * End the search now; its result is the supernet (and α) after {@code resultEpoch}.
     *
     * @param resultEpoch the epoch whose checkpoint the selectors get (the current one, or an earlier one: a roll-back)
     * @param reason      why, in words (with the numbers that decided)
     */
    record Stop(int resultEpoch, String reason) implements StopDecision {
    }

    /**
     * Note where the rule would have stopped and go on (RobustDARTS's "simulate" mode); fires once.
     *
     * @param resultEpoch the epoch a stop would have returned
     * @param reason      why
     */
    record Simulate(int resultEpoch, String reason) implements StopDecision {
    }

    /**
     * Roll the search back to {@code rollbackEpoch} and go on from there with the weights' weight decay
     * multiplied by {@code weightDecayFactor} (DARTS-ADA).
     *
     * @param rollbackEpoch     the epoch whose checkpoint the search restarts from
     * @param weightDecayFactor the factor on the optimizer's {@code weight_decay} from then on (not on top of earlier ones)
     * @param reason            why
     */
    record Adapt(int rollbackEpoch, double weightDecayFactor, String reason) implements StopDecision {
    }
}
