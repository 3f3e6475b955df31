package dev.naslab.optimizer.drnas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GammaFunctionsTest {

    private static final double EULER = 0.5772156649015329;

    @Test
    void logGammaAndDigammaAtKnownPoints() {
        assertEquals(0.5 * Math.log(Math.PI), GammaFunctions.logGamma(0.5), 1e-12);
        assertEquals(0, GammaFunctions.logGamma(1), 1e-12);
        assertEquals(Math.log(24), GammaFunctions.logGamma(5), 1e-12);
        assertEquals(Math.log(362880), GammaFunctions.logGamma(10), 1e-11);
        assertEquals(-EULER, GammaFunctions.digamma(1), 1e-12);
        assertEquals(-EULER - 2 * Math.log(2), GammaFunctions.digamma(0.5), 1e-12);
        assertEquals(1 + 0.5 + 1.0 / 3 - EULER, GammaFunctions.digamma(4), 1e-12);
        assertEquals(Math.log(100) - 1 / 200.0 - 1 / 120000.0, GammaFunctions.digamma(100), 1e-10);
    }

    /** P(a, x) by Simpson's rule on the density, an independent check of the series' derivative in a. */
    private static double regularizedGammaP(double a, double x) {
        int n = 20000;
        double h = x / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double t = i * h;
            double f = t == 0 ? 0 : GammaFunctions.gammaDensity(a, t);
            sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }

    @Test
    void derivativeOfTheGammaCdfInItsShapeMatchesFiniteDifferences() {
        for (double[] ax : new double[][] {{1.5, 0.8}, {2.0, 2.0}, {3.5, 5.0}, {8.0, 6.5}}) {
            double a = ax[0];
            double x = ax[1];
            double h = 1e-4;
            double fd = (regularizedGammaP(a + h, x) - regularizedGammaP(a - h, x)) / (2 * h);
            assertEquals(fd, GammaFunctions.dRegularizedGammaPda(a, x), 1e-6, "a = " + a + ", x = " + x);
        }
        // a larger shape moves the mass right, so the CDF at a fixed point falls
        org.junit.jupiter.api.Assertions.assertTrue(GammaFunctions.dRegularizedGammaPda(1, 1) < 0);
    }
}
