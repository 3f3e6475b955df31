package dev.naslab.core.stop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * DARTS-ES (Zela et al., ICLR 2020; RobustDARTS {@code utils.EVLocalAvg}): the local average of the
 * Hessian's largest eigenvalue over the last {@code window} measurements is compared with the one
 * {@code delta} measurements earlier; when it has grown by more than {@code factor}, the search stops
 * and returns the supernet of the epoch at the centre of the earlier window. Checked only after an
 * epoch with a measurement, and only once that earlier epoch is at least {@code startEpoch}.
 *
 * <p>Epochs count from 1 (naslab's); the reference counts from 0 and measures after its epochs 0, 2, 4,
 * ... where naslab measures after 2, 4, 6, ... ({@code hessian_every} 2). Its defaults, window 5,
 * delta 4, factor 1.3, start epoch 10, are kept. Before {@code window} measurements exist the local
 * average is the mean of all of them (from {@code ceil(window/2)} on), as there.
 *
 * @param window       measurements in a local average
 * @param delta        how many local averages back the comparison looks
 * @param factor       the growth that stops the search
 * @param startEpoch   the earliest epoch the search may be rolled back to
 * @param simulate     only note where it would stop and go on (the reference's {@code early_stop 2})
 * @param hessianEvery epochs between two measurements ({@code diagnostics.hessian_every})
 */
public record DartsEs(int window, int delta, double factor, int startEpoch, boolean simulate, int hessianEvery)
        implements EarlyStopper {

    /** The rule's name. */
    public static final String RULE = "darts-es";

    /**
     * A firing of the rule.
     *
     * @param stopEpoch the epoch to return (the earlier window's centre)
     * @param ratio     current local average / earlier one
     */
    public record Trigger(int stopEpoch, double ratio) {
    }

    @Override
    public String rule() {
        return simulate ? RULE + " (simulate)" : RULE;
    }

    @Override
    public StopDecision decide(List<EpochRecord> history, int epochs, List<StopEvent> events) {
        Optional<Trigger> t = trigger(history, epochs);
        if (t.isEmpty()) {
            return new StopDecision.Continue();
        }
        if (simulate) {
            boolean simulated = events.stream().anyMatch(e -> e.action().equals(StopEvent.SIMULATE));
            return simulated ? new StopDecision.Continue() : new StopDecision.Simulate(t.get().stopEpoch(), reason(t.get()));
        }
        return new StopDecision.Stop(t.get().stopEpoch(), reason(t.get()));
    }

    /** {@return the words of a firing} @param t the firing */
    String reason(Trigger t) {
        return String.format(Locale.ROOT, "local average of λmax grew %.3fx in %d measurements (> %s)", t.ratio(), delta,
                factor);
    }

    /**
     * {@return the firing after the last epoch of {@code history}, if the rule fires there}
     *
     * @param history the epochs so far
     * @param epochs  the search's epochs
     */
    public Optional<Trigger> trigger(List<EpochRecord> history, int epochs) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        EpochRecord last = history.get(history.size() - 1);
        if (last.eigenvalue().isEmpty() || last.epoch() >= epochs) {
            return Optional.empty();
        }
        List<Double> ev = new ArrayList<>();
        history.forEach(r -> r.eigenvalue().ifPresent(ev::add));
        int first = (window + 1) / 2; // the first local average needs ceil(window/2) measurements
        int averages = ev.size() - first + 1;
        if (averages < delta + 1) {
            return Optional.empty();
        }
        int centreEpoch = last.epoch() - hessianEvery * (window / 2);
        int stopEpoch = centreEpoch - hessianEvery * delta;
        if (stopEpoch < startEpoch) {
            return Optional.empty();
        }
        double current = localAverage(ev, ev.size());
        double earlier = localAverage(ev, ev.size() - delta);
        double ratio = current / earlier;
        return ratio > factor ? Optional.of(new Trigger(stopEpoch, ratio)) : Optional.empty();
    }

    /** The mean of the last {@code window} of the first {@code n} measurements (of all, while fewer). */
    private double localAverage(List<Double> ev, int n) {
        double sum = 0;
        int from = Math.max(0, n - window);
        for (int i = from; i < n; i++) {
            sum += ev.get(i);
        }
        return sum / (n - from);
    }

    @Override
    public boolean mayReturn(int epoch) {
        return epoch % hessianEvery == 0;
    }

    @Override
    public int reach() {
        return hessianEvery * (window / 2 + delta);
    }

    @Override
    public Map<String, Object> resolved() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", RULE);
        m.put("window", window);
        m.put("delta", delta);
        m.put("factor", factor);
        m.put("start_epoch", startEpoch);
        m.put("mode", simulate ? "simulate" : "stop");
        return m;
    }
}
