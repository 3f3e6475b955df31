package dev.naslab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.api.base.Rng;
import org.junit.jupiter.api.Test;

/** On quadratic losses ½ (α − c)ᵀ A (α − c), whose Hessian is A, the estimate is A's largest eigenvalue. */
class AlphaHessianTest {

    /** The gradient A (α − c) of the quadratic. */
    private static AlphaHessian.Gradient quadratic(double[][] a, double[] c) {
        return at -> {
            double[] g = new double[at.length];
            for (int i = 0; i < at.length; i++) {
                for (int j = 0; j < at.length; j++) {
                    g[i] += a[i][j] * (at[j] - c[j]);
                }
            }
            return g;
        };
    }

    /** Q diag(d) Qᵀ with Q the Householder reflection I − 2uuᵀ/|u|² of u = (1, 2, ..., n): eigenvalues d. */
    private static double[][] withEigenvalues(double[] d) {
        int n = d.length;
        double uu = 0;
        for (int i = 0; i < n; i++) {
            uu += (i + 1.0) * (i + 1.0);
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = (i == j ? 1 : 0) - 2 * (i + 1.0) * (j + 1.0) / uu;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += q[i][k] * d[k] * q[j][k];
                }
            }
        }
        return a;
    }

    private static double[] point(int n) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.1 * i - 0.3;
        }
        return p;
    }

    @Test
    void theFullHessianOfASmallQuadratic() {
        // eigenvalues of [[2, 1], [1, 2]] are 3 and 1; with 0.5 on the third axis: 3, 1, 0.5
        double[][] a = {{2, 1, 0}, {1, 2, 0}, {0, 0, 0.5}};
        AlphaHessian.Estimate e = AlphaHessian.largestEigenvalue(quadratic(a, new double[] {0.2, -0.1, 0.4}),
                point(3), Rng.derive(0, "t"));
        assertEquals(3, e.eigenvalue(), 1e-3);
        assertEquals(6, e.gradients(), "two gradients per column");
        assertTrue(e.full());
    }

    @Test
    void theLargestEigenvalueNotTheLargestInMagnitude() {
        double[] d = {-5, 1, 2};
        AlphaHessian.Estimate full = AlphaHessian.largestEigenvalue(quadratic(withEigenvalues(d), new double[3]),
                point(3), Rng.derive(1, "t"));
        assertEquals(2, full.eigenvalue(), 1e-3, "max(eigvals) as the reference takes it, not −5");
        double[] big = new double[100];
        for (int i = 0; i < big.length; i++) {
            big[i] = i < 98 ? i / 20.0 : i == 98 ? -20 : 10; // 0 .. 4.85, then −20 and 10
        }
        AlphaHessian.Estimate power = AlphaHessian.largestEigenvalue(quadratic(withEigenvalues(big), new double[100]),
                point(100), Rng.derive(2, "t"));
        assertFalse(power.full());
        assertEquals(10, power.eigenvalue(), 1e-3);
    }

    @Test
    void lanczosOnALargeQuadratic() {
        double[] d = new double[224]; // the DARTS space: 2 cell types × 14 edges × 8 ops
        for (int i = 0; i < d.length; i++) {
            d[i] = i == 7 ? 0.8 : 0.4 * Math.sin(i); // top 0.8, the next below 0.4
        }
        AlphaHessian.Estimate e = AlphaHessian.largestEigenvalue(quadratic(withEigenvalues(d), new double[224]),
                point(224), Rng.derive(3, "t"));
        assertFalse(e.full());
        assertEquals(0.8, e.eigenvalue(), 1e-3);
        assertTrue(e.gradients() <= 2 * AlphaHessian.MAX_STEPS, "at most two gradients per step: " + e);
    }
}
