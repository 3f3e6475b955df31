package dev.naslab.api.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SimplexTest {

    static float[] project(float... row) {
        Simplex.project(row);
        return row;
    }

    @Test
    void clampsToTheUnitIntervalAndRenormalises() {
        // [0.5, -0.1, 0.7] -> [0.5, 0, 0.7] / 1.2
        assertArrayEquals(new float[] {0.5f / 1.2f, 0f, 0.7f / 1.2f}, project(0.5f, -0.1f, 0.7f), 1e-6f);
        // [1.5, 0.2] -> [1, 0.2] / 1.2
        assertArrayEquals(new float[] {1f / 1.2f, 0.2f / 1.2f}, project(1.5f, 0.2f), 1e-6f);
    }

    @Test
    void anAllNegativeRowKeepsItsArgmax() {
        assertArrayEquals(new float[] {0f, 1f, 0f}, project(-0.3f, -0.1f, -0.2f), 0f);
    }

    @Test
    void aRowThatClampsToZeroKeepsItsFirstArgmax() {
        assertArrayEquals(new float[] {1f, 0f, 0f}, project(0f, 0f, -0.5f), 0f);
    }

    @Test
    void epsilonRampsFromPointZeroThreeAndNeverReachesItsMaximum() {
        // spaces-and-optimizers.md D.4: 0.03 + (0.3 - 0.03) * e / E
        assertEquals(0.03, Perturbation.epsilon(0.3, 0, 50), 1e-12);
        assertEquals(0.165, Perturbation.epsilon(0.3, 25, 50), 1e-12);
        assertEquals(0.2946, Perturbation.epsilon(0.3, 49, 50), 1e-12);
    }
}
