package dev.naslab.core.stop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * DARTS-ADA (Zela et al., ICLR 2020; RobustDARTS {@code train_search.py}, {@code early_stop 3}): where
 * DARTS-ES would stop, the search is rolled back to the epoch DARTS-ES would return and goes on from
 * there, to the end of its schedule, with the weights' weight decay multiplied by {@code multiplier};
 * again each time the rule fires, until the weight decay has reached {@code maxWeightDecay} (the
 * reference: 3e-4 × 3 per firing up to 0.0243, so at most four roll-backs). The trace the rule reads
 * after a roll-back is the one up to the roll-back epoch followed by the new epochs, as the reference's
 * tracker restored from that epoch's checkpoint.
 *
 * @param trigger         the DARTS-ES rule that decides when
 * @param multiplier      the weight decay's factor per firing
 * @param maxWeightDecay  no roll-back once the weight decay has reached this
 * @param baseWeightDecay the optimizer's {@code weight_decay} as configured
 */
public record DartsAda(DartsEs trigger, double multiplier, double maxWeightDecay, double baseWeightDecay)
        implements EarlyStopper {

    /** The rule's name. */
    public static final String RULE = "darts-ada";

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public StopDecision decide(List<EpochRecord> history, int epochs, List<StopEvent> events) {
        Optional<DartsEs.Trigger> t = trigger.trigger(history, epochs);
        if (t.isEmpty()) {
            return new StopDecision.Continue();
        }
        long adapted = events.stream().filter(e -> e.action().equals(StopEvent.ADAPT)).count();
        double factor = Math.pow(multiplier, adapted + 1);
        if (baseWeightDecay * factor > maxWeightDecay * (1 + 1e-9)) {
            return new StopDecision.Continue(); // the last level: the search runs to its end
        }
        return new StopDecision.Adapt(t.get().stopEpoch(), factor, trigger.reason(t.get()) + "; weight decay "
                + decimal(baseWeightDecay * Math.pow(multiplier, adapted)) + " -> " + decimal(baseWeightDecay * factor));
    }

    private static String decimal(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean mayReturn(int epoch) {
        return trigger.mayReturn(epoch);
    }

    /**
     * {@inheritDoc} Unbounded: after a roll-back the next firing may return an epoch before the roll-back's,
     * so every measured epoch's checkpoint is kept (one per {@code hessian_every} epochs).
     */
    @Override
    public int reach() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Map<String, Object> resolved() {
        Map<String, Object> m = new LinkedHashMap<>(trigger.resolved());
        m.put("rule", RULE);
        m.remove("mode");
        m.put("weight_decay_factor", multiplier);
        m.put("max_weight_decay", maxWeightDecay);
        return m;
    }
}
