package dev.naslab.core.stop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The skip-connection stopper (confopt's {@code SkipConnectionEarlyStopper}, after DARTS+'s rule "two
 * or more skip connections in the normal cell"): after more than {@code minEpochs} epochs, the search
 * stops as soon as the architecture derived after an epoch has more than {@code maxSkip} skip
 * connections in a watched cell type, and returns that epoch's supernet.
 *
 * @param minEpochs the epochs it never stops in
 * @param maxSkip   the most skip connections a watched cell may have
 * @param cells     the watched cell types; empty for the space's first (DARTS's normal cell, NAS-Bench-201's one)
 */
public record SkipStopper(int minEpochs, int maxSkip, List<String> cells) implements EarlyStopper {

    /** The rule's name. */
    public static final String RULE = "skip";

    public SkipStopper {
        cells = List.copyOf(cells);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public StopDecision decide(List<EpochRecord> history, int epochs, List<StopEvent> events) {
        if (history.isEmpty()) {
            return new StopDecision.Continue();
        }
        EpochRecord last = history.get(history.size() - 1);
        if (last.epoch() <= minEpochs || last.epoch() >= epochs || last.skips().isEmpty()) {
            return new StopDecision.Continue();
        }
        List<String> watched = cells.isEmpty() ? List.of(last.skips().keySet().iterator().next()) : cells;
        for (String c : watched) {
            long n = last.skips().getOrDefault(c, 0L);
            if (n > maxSkip) {
                return new StopDecision.Stop(last.epoch(), n + " skip connections in the " + c + " cell (more than "
                        + maxSkip + ")");
            }
        }
        return new StopDecision.Continue();
    }

    @Override
    public boolean mayReturn(int epoch) {
        return false; // it returns the current epoch, whose checkpoint is written when it stops
    }

    @Override
    public int reach() {
        return 0;
    }

    @Override
    public Map<String, Object> resolved() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", RULE);
        m.put("min_epochs", minEpochs);
        m.put("max_skip", maxSkip);
        if (!cells.isEmpty()) {
            m.put("cells", cells);
        }
        return m;
    }
}
