package dev.naslab.core.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** DARTS-ADA's roll-backs: where DARTS-ES stops, 3e-4 × 3 per firing, never beyond 0.0243. */
class DartsAdaTest {

    private static List<EpochRecord> rising() {
        List<EpochRecord> history = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            history.add(new EpochRecord(2 * (i + 1), OptionalDouble.of(i < 6 ? 1.0 : 10.0), Map.of(), "a" + i));
        }
        return history;
    }

    private static StopEvent adapted(double factor) {
        return new StopEvent(StopEvent.ADAPT, DartsAda.RULE, 24, 12, "", "", factor, Double.NaN, 1);
    }

    @Test
    void eachFiringRollsBackToTheDartsEsEpochWithThreeTimesTheWeightDecay() {
        DartsAda ada = new DartsAda(new DartsEs(5, 4, 1.3, 10, false, 2), 3, 0.0243, 3e-4);
        List<StopEvent> events = new ArrayList<>();
        double[] factors = {3, 9, 27, 81};
        for (double f : factors) {
            StopDecision.Adapt a = assertInstanceOf(StopDecision.Adapt.class, ada.decide(rising(), 50, events));
            assertEquals(12, a.rollbackEpoch());
            assertEquals(f, a.weightDecayFactor(), 1e-12);
            events.add(adapted(f));
        }
        assertTrue(ada.decide(rising(), 50, events) instanceof StopDecision.Continue,
                "3e-4 x 81 = 0.0243 is the maximum: the search runs to its end");
        StopDecision.Adapt first = (StopDecision.Adapt) ada.decide(rising(), 50, List.of());
        assertTrue(first.reason().endsWith("weight decay 0.0003 -> 0.0009"), first.reason());
    }
}
