package dev.naslab.core.search;

import dev.naslab.api.base.Rng;

/**
 * The largest eigenvalue of a Hessian known only through its gradient: the curvature of the
 * validation loss with respect to α, whose growth RobustDARTS (Zela et al., ICLR 2020) found to come
 * before a collapse. DJL has no double backward, so Hessian-vector products are central differences
 * of gradients, Hv ≈ (∇L(α + εv) − ∇L(α − εv)) / 2ε (exact for a quadratic loss). Up to
 * {@link #FULL_UP_TO} entries the whole Hessian is built column by column (2n gradients: 60 for
 * NAS-Bench-201's 30) and its eigenvalue found in memory; above that, Lanczos iteration on
 * Hessian-vector products (2 gradients per step). Like the reference's {@code max(eigvals)}, the
 * result is the largest eigenvalue, not the largest in magnitude: when power iteration (on the full
 * Hessian, or on Lanczos's small tridiagonal matrix) lands on a negative one, it is run again on the
 * matrix shifted by it.
 */
public final class AlphaHessian {

    /** Largest α (all cell types together) whose full Hessian is built. */
    public static final int FULL_UP_TO = 64;
    /** The finite-difference step, in α's own units (logits of a softmax over a few ops). */
    static final double EPSILON = 1e-2;
    /** Hessian-vector products (Lanczos steps) at most, and the relative change of λ that ends them. */
    public static final int MAX_STEPS = 30;
    static final double TOLERANCE = 1e-6;

    /** ∇L at a point; the function may not keep or change {@code at}. */
    @FunctionalInterface
    public interface Gradient {
        double[] at(double[] at);
    }

    /**
     * An estimate and what it cost.
     *
     * @param eigenvalue the largest eigenvalue
     * @param gradients  how many gradients it took (each one forward and backward pass)
     * @param full       whether the full Hessian was built (else power iteration)
     */
    public record Estimate(double eigenvalue, int gradients, boolean full) {
    }

    private AlphaHessian() {
    }

    /** The largest eigenvalue of ∇²L at {@code alpha}; {@code rng} draws the power iteration's start. */
    public static Estimate largestEigenvalue(Gradient g, double[] alpha, Rng rng) {
        return largestEigenvalue(g, alpha, rng, FULL_UP_TO);
    }

    /** As {@link #largestEigenvalue(Gradient, double[], Rng)}, with the full Hessian up to {@code fullUpTo} entries. */
    static Estimate largestEigenvalue(Gradient g, double[] alpha, Rng rng, int fullUpTo) {
        int n = alpha.length;
        Counting counted = new Counting(g);
        if (n <= fullUpTo) {
            double[][] h = new double[n][];
            for (int j = 0; j < n; j++) {
                double[] e = new double[n];
                e[j] = 1;
                h[j] = hessianTimes(counted, alpha, e);
            }
            double[][] sym = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sym[i][j] = (h[i][j] + h[j][i]) / 2;
                }
            }
            Operator m = v -> multiply(sym, v);
            return new Estimate(largest(m, start(n, rng), 10_000, 1e-12), counted.calls, true);
        }
        Operator hvp = v -> hessianTimes(counted, alpha, v);
        return new Estimate(lanczos(hvp, start(n, rng), MAX_STEPS, TOLERANCE), counted.calls, false);
    }

    /**
     * The largest Ritz value of a Lanczos run with full reorthogonalisation: after k products it is the
     * best estimate of λmax in the k-dimensional Krylov space, far better than k power iterations when
     * the top eigenvalues are close. Stops when it changes by less than {@code tolerance} (relative).
     */
    private static double lanczos(Operator a, double[] v0, int steps, double tolerance) {
        int n = v0.length;
        java.util.List<double[]> basis = new java.util.ArrayList<>();
        basis.add(scaled(v0, 1 / norm(v0)));
        double[] diag = new double[steps];
        double[] off = new double[steps];
        double estimate = Double.NaN;
        for (int j = 0; j < steps && j < n; j++) {
            double[] w = a.times(basis.get(j));
            diag[j] = dot(w, basis.get(j));
            for (double[] b : basis) { // full reorthogonalisation (twice is enough)
                subtract(w, b, dot(w, b));
            }
            for (double[] b : basis) {
                subtract(w, b, dot(w, b));
            }
            double[][] t = tridiagonal(diag, off, j + 1);
            double next = largest(m -> multiply(t, m), start(j + 1, new Rng(j + 1)), 10_000, 1e-12);
            if (Math.abs(next - estimate) <= tolerance * Math.abs(next)) {
                return next;
            }
            estimate = next;
            off[j] = norm(w);
            if (off[j] < 1e-12) {
                return estimate; // the Krylov space is invariant: its Ritz values are exact
            }
            basis.add(scaled(w, 1 / off[j]));
        }
        return estimate;
    }

    private static double[][] tridiagonal(double[] diag, double[] off, int k) {
        double[][] t = new double[k][k];
        for (int i = 0; i < k; i++) {
            t[i][i] = diag[i];
            if (i + 1 < k) {
                t[i][i + 1] = off[i];
                t[i + 1][i] = off[i];
            }
        }
        return t;
    }

    private static void subtract(double[] w, double[] b, double f) {
        for (int i = 0; i < w.length; i++) {
            w[i] -= f * b[i];
        }
    }

    /** A symmetric linear map. */
    private interface Operator {
        double[] times(double[] v);
    }

    private static final class Counting implements Gradient {
        private final Gradient g;
        int calls;

        Counting(Gradient g) {
            this.g = g;
        }

        @Override
        public double[] at(double[] at) {
            calls++;
            return g.at(at);
        }
    }

    /** H·v by central differences of the gradient along the unit vector v / |v|, scaled back. */
    private static double[] hessianTimes(Gradient g, double[] alpha, double[] v) {
        double norm = norm(v);
        if (norm == 0) {
            return new double[v.length];
        }
        double[] plus = alpha.clone();
        double[] minus = alpha.clone();
        for (int i = 0; i < v.length; i++) {
            plus[i] += EPSILON * v[i] / norm;
            minus[i] -= EPSILON * v[i] / norm;
        }
        double[] gp = g.at(plus);
        double[] gm = g.at(minus);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (gp[i] - gm[i]) / (2 * EPSILON) * norm;
        }
        return out;
    }

    /** The largest eigenvalue: power iteration, and again on A − λI when it found a negative λ. */
    private static double largest(Operator a, double[] v0, int iterations, double tolerance) {
        double dominant = power(a, v0, iterations, tolerance);
        if (dominant >= 0) {
            return dominant;
        }
        // every eigenvalue of A − λI is ≥ 0 for the most negative λ; its largest is λmax − λ
        Operator shifted = v -> {
            double[] av = a.times(v);
            for (int i = 0; i < av.length; i++) {
                av[i] -= dominant * v[i];
            }
            return av;
        };
        return dominant + power(shifted, v0, iterations, tolerance);
    }

    /** The eigenvalue of largest magnitude, as the Rayleigh quotient of the iterate. */
    private static double power(Operator a, double[] v0, int iterations, double tolerance) {
        double[] v = scaled(v0, 1 / norm(v0));
        double lambda = Double.NaN;
        for (int k = 0; k < iterations; k++) {
            double[] av = a.times(v);
            double next = dot(v, av);
            double n = norm(av);
            if (n == 0) {
                return 0;
            }
            v = scaled(av, 1 / n);
            if (Math.abs(next - lambda) <= tolerance * Math.abs(next)) {
                return next;
            }
            lambda = next;
        }
        return lambda;
    }

    private static double[] start(int n, Rng rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = dot(m[i], v);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double[] scaled(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }
}
