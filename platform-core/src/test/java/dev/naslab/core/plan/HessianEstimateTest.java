package dev.naslab.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.core.config.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Hessian measurements a plan still counts: after every N epochs and the last, 2 gradients a column. */
class HessianEstimateTest {

    private static final CellType NB201 = new CellType("cell", List.of(new Edge(0, 1), new Edge(0, 2), new Edge(1, 2),
            new Edge(0, 3), new Edge(1, 3), new Edge(2, 3)), List.of("none", "skip_connect", "nor_conv_1x1",
            "nor_conv_3x3", "avg_pool_3x3"), 0);

    @Test
    void measurementsLeftTimesGradientsTimesHalfAStep() {
        // 7 epochs, every 2: after epochs 2, 4, 6 and 7; 30 entries: 60 gradients of half a 0.1 s step
        assertEquals(4 * 60 * 0.05, TimeEstimator.hessianSeconds(new Diagnostics(2), List.of(NB201), 7, 0, 0.1), 1e-9);
        assertEquals(2 * 60 * 0.05, TimeEstimator.hessianSeconds(new Diagnostics(2), List.of(NB201), 7, 4, 0.1), 1e-9,
                "resumed after epoch 4: epochs 6 and 7 to come");
        assertEquals(0, TimeEstimator.hessianSeconds(null, List.of(NB201), 7, 0, 0.1));
    }
}
