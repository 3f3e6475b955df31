package dev.naslab.selector.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionScheduleTest {

    @Test
    void nasBench201WithIntervalFive() {
        // darts-pt.md §1.5: decisions at t = 0, 5, 10, 15, 20, 24 → 6 decisions, 25 epochs
        DecisionSchedule s = new DecisionSchedule(6, 5, false);
        assertEquals(25, s.totalEpochs());
        assertEquals(List.of(0, 5, 10, 15, 20, 24), s.decisionEpochs());
        assertEquals(List.of(5, 5, 5, 5, 4, 0), gaps(s, 6));
        assertEquals(24, s.tunedEpochs());
    }

    @Test
    void dartsSpaceWithIntervalFive() {
        // 14 op + 3 topology decisions; 81 epochs; op decisions at 0..65, topology at 70, 75, 80
        DecisionSchedule s = new DecisionSchedule(17, 5, true);
        assertEquals(81, s.totalEpochs());
        assertEquals(17, s.decisionEpochs().size());
        assertEquals(80, s.decisionEpochs().get(16));
        assertEquals(80, s.tunedEpochs());
    }

    @Test
    void intervalOneStillDecidesEveryEdgeAfterTheReferencesLastEpoch() {
        // the reference's rule gives only 5 decision epochs for 6 edges (t = 0..4 of T = 5) and trains
        // epoch 4 after the 5th decision before its last edge is settled: the 6th comes after that epoch
        DecisionSchedule s = new DecisionSchedule(6, 1, false);
        assertEquals(List.of(0, 1, 2, 3, 4), s.decisionEpochs());
        assertEquals(List.of(1, 1, 1, 1, 1, 0), gaps(s, 6));
        assertEquals(5, s.tunedEpochs());
    }

    @Test
    void noTuning() {
        DecisionSchedule s = new DecisionSchedule(6, 0, false);
        assertEquals(0, s.tunedEpochs());
    }

    static List<Integer> gaps(DecisionSchedule s, int rounds) {
        return java.util.stream.IntStream.range(0, rounds).map(s::gapAfter).boxed().toList();
    }
}
