package dev.naslab.core.stop;

/**
 * One decision that was carried out, a line of {@code search/stops.jsonl}: the search's record of how
 * it ended (or was rolled back), read again when it resumes.
 *
 * @param action            {@code stop}, {@code simulate} or {@code adapt}
 * @param rule              the stopper's rule ({@code darts-es}, {@code darts-ada}, {@code skip})
 * @param epoch             the epoch after which it was decided
 * @param resultEpoch       the epoch of the returned (stop, simulate) or restored (adapt) supernet
 * @param reason            why, in words
 * @param architecture      the architecture derived after {@code resultEpoch}
 * @param weightDecayFactor for {@code adapt}: the factor on {@code weight_decay} from then on; else 0
 * @param validAccuracy     for {@code stop}: the returned supernet's accuracy on the validation split; else NaN
 * @param seconds           search time up to the decision
 */
public record StopEvent(String action, String rule, int epoch, int resultEpoch, String reason, String architecture,
        double weightDecayFactor, double validAccuracy, double seconds) {

    /** The action of a {@link StopDecision.Stop}. */
    public static final String STOP = "stop";
    /** The action of a {@link StopDecision.Simulate}. */
    public static final String SIMULATE = "simulate";
    /** The action of a {@link StopDecision.Adapt}. */
    public static final String ADAPT = "adapt";

    /** {@return the line the results table and the report show for it} */
    public String summary() {
        return switch (action) {
            case STOP -> rule + " stopped the search after epoch " + epoch
                    + (resultEpoch == epoch ? "" : " and returned epoch " + resultEpoch + "'s supernet") + ": " + reason;
            case SIMULATE -> rule + " would have stopped after epoch " + epoch + " with epoch " + resultEpoch
                    + "'s supernet (simulate: the search went on): " + reason;
            default -> rule + " rolled the search back from epoch " + epoch + " to " + resultEpoch
                    + " with weight decay x" + trim(weightDecayFactor) + ": " + reason;
        };
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
