package dev.naslab.core.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** DARTS-ES against the reference's own traces and against a trace worked out by hand. */
class DartsEsTest {

    private static final DartsEs REFERENCE = new DartsEs(5, 4, 1.3, 10, false, 2);

    /**
     * The largest eigenvalue of each Hessian RobustDARTS stored for its three S1 CIFAR-10 searches
     * ({@code experiments/search_logs/s1/cifar10/0.0_0.0003-2516843/derivatives_{1,2,3}.json}, 56×56 matrices
     * after the reference's epochs 0, 2, …, 48 and 49), computed once with {@code max(numpy.linalg.eigvals(H))}
     * as the reference does, to 6 decimals. Replaying the reference's {@code EVLocalAvg} on them stops at its
     * epochs 22, 22 and 30 and returns epochs 10, 10 and 18 (the spec's numbers); in naslab's count, from 1,
     * those are epochs 23, 23, 31 and 11, 11, 19.
     */
    private static final double[][] S1 = {
        {0.178844, 0.148167, 0.170297, 0.146413, 0.12114, 0.248833, 0.23113, 0.359535, 0.22456, 0.38595, 0.208472,
            0.429757, 0.508256, 0.228687, 0.409844, 0.5024, 0.499734, 0.249951, 0.457384, 0.516766, 0.64377, 0.459158,
            0.707123, 1.319196, 0.527155, 0.521168},
        {0.173679, 0.146526, 0.262922, 0.193219, 0.167477, 0.221207, 0.209015, 0.150508, 0.219972, 0.290049, 0.3138,
            0.473731, 0.305489, 0.362395, 0.323226, 0.360951, 0.900338, 0.243038, 0.300567, 0.62853, 0.646519,
            0.516757, 0.820854, 0.394745, 0.395044, 0.393846},
        {0.146031, 0.208303, 0.316382, 0.196678, 0.213419, 0.183376, 0.346542, 0.20286, 0.249981, 0.17144, 0.310004,
            0.305462, 0.25318, 0.260852, 0.40736, 0.591811, 0.595552, 0.789288, 0.732599, 0.481378, 0.365192,
            0.785667, 0.912962, 0.312473, 0.879834, 1.064275},
    };

    /** The reference's measurement epochs (0, 2, …, 48, 49) counted from 1. */
    private static int epochOf(int i) {
        return i == 25 ? 50 : 2 * i + 1;
    }

    private static EpochRecord measured(int epoch, double ev) {
        return new EpochRecord(epoch, OptionalDouble.of(ev), Map.of(), "arch-" + epoch);
    }

    /** Feeds the trace measurement by measurement until the rule fires. */
    private static Optional<int[]> firstFiring(DartsEs rule, double[] trace, int epochs) {
        List<EpochRecord> history = new ArrayList<>();
        for (int i = 0; i < trace.length; i++) {
            history.add(measured(epochOf(i), trace[i]));
            Optional<DartsEs.Trigger> t = rule.trigger(history, epochs);
            if (t.isPresent()) {
                return Optional.of(new int[] {epochOf(i), t.get().stopEpoch()});
            }
        }
        return Optional.empty();
    }

    @Test
    void theReferencesStoredS1HessiansStopWhereTheReferenceStops() {
        int[][] expected = {{23, 11}, {23, 11}, {31, 19}};
        for (int s = 0; s < 3; s++) {
            int[] got = firstFiring(REFERENCE, S1[s], 50).orElseThrow();
            assertEquals(expected[s][0], got[0], "seed " + (s + 1) + ": fires after epoch");
            assertEquals(expected[s][1], got[1], "seed " + (s + 1) + ": returns epoch");
        }
    }

    /**
     * Measured after epochs 2, 4, …: 1.0 up to epoch 20, then 1.5 from epoch 22 on. With window 5 the local
     * average after epoch e covers the five measurements up to e; the one 4 measurements back ends at e − 8.
     * After epoch 22: (4·1 + 1.5)/5 = 1.1 against 1 → 1.1, no. After 24: (3 + 3)/5 = 1.2, no. After 26:
     * (2 + 4.5)/5 = 1.3, not above 1.3. After 28: (1 + 6)/5 = 1.4 against 1 (epochs 12–20) → fires; the earlier
     * window's centre is epoch 28 − 2·2 − 2·4 = 16, ≥ 10.
     */
    @Test
    void aTraceThatRisesHalfAfterEpochTwentyStopsAfterEpochTwentyEightWithEpochSixteen() {
        List<EpochRecord> history = new ArrayList<>();
        DartsEs rule = new DartsEs(5, 4, 1.3, 10, false, 2);
        int fired = -1;
        for (int epoch = 1; epoch <= 40 && fired < 0; epoch++) {
            history.add(epoch % 2 == 0 ? measured(epoch, epoch <= 20 ? 1.0 : 1.5)
                    : new EpochRecord(epoch, OptionalDouble.empty(), Map.of(), "arch-" + epoch));
            StopDecision d = rule.decide(history, 50, List.of());
            if (d instanceof StopDecision.Stop stop) {
                fired = epoch;
                assertEquals(16, stop.resultEpoch());
                assertTrue(stop.reason().contains("1.400x"), stop.reason());
            }
        }
        assertEquals(28, fired);
    }

    @Test
    void itNeverStopsAfterTheLastEpochOrBeforeTheStartEpoch() {
        List<EpochRecord> history = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            history.add(measured(2 * (i + 1), i < 6 ? 1.0 : 10.0));
        }
        // after epoch 24 the earlier centre is 24 - 12 = 12
        assertTrue(REFERENCE.trigger(history, 50).isPresent());
        assertTrue(REFERENCE.trigger(history, 24).isEmpty(), "24 is the last epoch");
        assertTrue(new DartsEs(5, 4, 1.3, 13, false, 2).trigger(history, 50).isEmpty(), "12 < start epoch 13");
    }

    @Test
    void simulateNotesTheStopOnceAndGoesOn() {
        DartsEs rule = new DartsEs(5, 4, 1.3, 10, true, 2);
        List<EpochRecord> history = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            history.add(measured(2 * (i + 1), i < 6 ? 1.0 : 10.0));
        }
        StopDecision first = rule.decide(history, 50, List.of());
        StopDecision.Simulate sim = assertInstanceOf(StopDecision.Simulate.class, first);
        assertEquals(12, sim.resultEpoch());
        StopEvent noted = new StopEvent(StopEvent.SIMULATE, rule.rule(), 24, 12, sim.reason(), "", 0, Double.NaN, 1);
        assertInstanceOf(StopDecision.Continue.class, rule.decide(history, 50, List.of(noted)));
    }
}
