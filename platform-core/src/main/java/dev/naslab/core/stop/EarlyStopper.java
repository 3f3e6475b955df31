package dev.naslab.core.stop;

import java.util.List;
import java.util.Map;

/**
 * A search's early-stopping rule. Host policy, like the checkpoints: it works with any optimizer,
 * because it reads only what the host measures (the collapse diagnostics) and acts only through the
 * host (which checkpoint is the result, or a restart with another weight decay). The bundled rules are
 * {@link DartsEs}, {@link DartsAda} and {@link SkipStopper}, chosen by {@code rule:}.
 */
public interface EarlyStopper {

    /** {@return the rule's name, the {@code rule:} of {@code early_stop:}} */
    String rule();

    /**
     * {@return what to do after the last epoch of {@code history}} Never stops after the last epoch of the
     * search (there is nothing left to save), as the reference rules.
     *
     * @param history the search's epochs so far, in order, from epoch 1 (after a roll-back: up to it, then the new ones)
     * @param epochs  the search's epochs
     * @param events  the decisions carried out earlier in this search
     */
    StopDecision decide(List<EpochRecord> history, int epochs, List<StopEvent> events);

    /**
     * {@return whether the search must keep a checkpoint after {@code epoch}} because a later decision may return or
     * restore that epoch's supernet
     *
     * @param epoch an epoch, from 1
     */
    boolean mayReturn(int epoch);

    /** {@return how many epochs back a decision may reach: older kept checkpoints are no longer needed} */
    int reach();

    /** {@return the settings as resolved, for {@code experiment.yaml} of the run} */
    Map<String, Object> resolved();
}
