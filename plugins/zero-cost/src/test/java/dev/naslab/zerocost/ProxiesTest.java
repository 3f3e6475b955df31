package dev.naslab.zerocost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.ZeroCostProxy.NoSettings;
import dev.naslab.api.data.Batch;
import dev.naslab.api.base.Rng;
import dev.naslab.api.model.Network;
import dev.naslab.api.nn.Conv2d;
import dev.naslab.api.nn.ParamStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every proxy on {@link TwoLayerNet} against the same quantity worked out here by hand (plain double arithmetic
 * of the net's formulas: no autograd), for the batch x₁ = (1, 2), x₂ = (−1, 0.5), labels 0 and 1.
 */
class ProxiesTest {

    static final double[][] X = {{1.0, 2.0}, {-1.0, 0.5}};
    static final int[] LABELS = {0, 1};
    static final NoSettings NONE = new NoSettings();

    static NDManager m;

    @BeforeAll
    static void open() {
        m = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        m.close();
    }

    private static Batch batch() {
        float[] x = {(float) X[0][0], (float) X[0][1], (float) X[1][0], (float) X[1][1]};
        float[] oneHot = {1, 0, 0, 1};
        return new Batch(m.create(x, new Shape(2, 1, 1, 2)), m.create(oneHot, new Shape(2, 2)), LABELS);
    }

    /** a = W1·x + b1 (fc1's output, the ReLU's input). */
    static double[] pre(double[] x) {
        double[] a = new double[2];
        for (int j = 0; j < 2; j++) {
            a[j] = TwoLayerNet.W1[j][0] * x[0] + TwoLayerNet.W1[j][1] * x[1] + TwoLayerNet.B1[j];
        }
        return a;
    }

    static double[] logits(double[] x) {
        double[] a = pre(x);
        double[] z = new double[2];
        for (int i = 0; i < 2; i++) {
            z[i] = TwoLayerNet.B2[i];
            for (int j = 0; j < 2; j++) {
                z[i] += TwoLayerNet.W2[i][j] * Math.max(a[j], 0);
            }
        }
        return z;
    }

    /** ∂L/∂z for image n, L the mean cross-entropy over the 2 images: (softmax(z) − onehot) / 2. */
    static double[] dz(int n) {
        double[] z = logits(X[n]);
        double e0 = Math.exp(z[0]);
        double e1 = Math.exp(z[1]);
        double[] p = {e0 / (e0 + e1), e1 / (e0 + e1)};
        p[LABELS[n]] -= 1;
        return new double[] {p[0] / 2, p[1] / 2};
    }

    /** ∂L/∂a for image n: W2ᵀ·dz where a &gt; 0. */
    static double[] da(int n) {
        double[] a = pre(X[n]);
        double[] d = dz(n);
        double[] out = new double[2];
        for (int j = 0; j < 2; j++) {
            out[j] = a[j] > 0 ? TwoLayerNet.W2[0][j] * d[0] + TwoLayerNet.W2[1][j] * d[1] : 0;
        }
        return out;
    }

    static double[][] dW1() {
        double[][] g = new double[2][2];
        for (int n = 0; n < 2; n++) {
            double[] d = da(n);
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    g[j][k] += d[j] * X[n][k];
                }
            }
        }
        return g;
    }

    static double[][] dW2() {
        double[][] g = new double[2][2];
        for (int n = 0; n < 2; n++) {
            double[] d = dz(n);
            double[] a = pre(X[n]);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    g[i][j] += d[i] * Math.max(a[j], 0);
                }
            }
        }
        return g;
    }

    static double norm(double[][] g) {
        double s = 0;
        for (double[] r : g) {
            for (double v : r) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    static double snipOf(double[][] w, double[][] g) {
        double s = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                s += Math.abs(w[i][j] * g[i][j]);
            }
        }
        return s;
    }

    private static double score(SimpleProxy proxy) {
        try (NDManager scope = m.newSubManager(); Batch b = batch()) {
            Network net = new TwoLayerNet(scope);
            double s = proxy.score(net, b, NONE);
            for (NDArray w : net.params().weights().values()) {
                try (NDArray g = w.getGradient()) {
                    assertEquals(0f, g.abs().sum().getFloat(), "gradients are zeroed after " + proxy.id());
                }
            }
            return s;
        }
    }

    @Test
    void gradNormIsTheSumOfTheLayersGradientNorms() {
        double expected = norm(dW1()) + norm(dW2());
        assertEquals(expected, score(new GradNorm()), 1e-6 * expected);
    }

    @Test
    void snipIsTheSumOfWeightTimesGradient() {
        double expected = snipOf(TwoLayerNet.W1, dW1()) + snipOf(TwoLayerNet.W2, dW2());
        assertEquals(expected, score(new Snip()), 1e-6 * expected);
    }

    @Test
    void fisherSumsHalfTheMeanSquaredActivationTimesGradientPerChannel() {
        double expected = 0;
        for (int c = 0; c < 2; c++) {
            double g1 = 0;
            double g2 = 0;
            for (int n = 0; n < 2; n++) {
                double a = pre(X[n])[c] * da(n)[c];
                double z = logits(X[n])[c] * dz(n)[c];
                g1 += a * a / 2;
                g2 += z * z / 2;
            }
            expected += 0.5 * (g1 + g2); // ½ · mean over the 2 images of g², for fc1 and fc2
        }
        assertEquals(expected, score(new Fisher()), 1e-6 * expected);
    }

    @Test
    void synflowOfTheLinearisedNetwork() {
        // |θ|, input (1, 1): h = |W1|·1 + |b1| (positive, so the ReLU passes it); R = Σ_i (|W2|·h + |b2|)_i.
        // ∂R/∂W2[i][j] = h_j and ∂R/∂W1[j][k] = Σ_i |W2[i][j]|, so the score is Σ|W2|·h + Σ_jk |W1[j][k]|·colsum_j.
        double expected = 0;
        for (int j = 0; j < 2; j++) {
            double h = Math.abs(TwoLayerNet.W1[j][0]) + Math.abs(TwoLayerNet.W1[j][1]) + Math.abs(TwoLayerNet.B1[j]);
            double col = Math.abs(TwoLayerNet.W2[0][j]) + Math.abs(TwoLayerNet.W2[1][j]);
            expected += col * h + (Math.abs(TwoLayerNet.W1[j][0]) + Math.abs(TwoLayerNet.W1[j][1])) * col;
        }
        assertEquals(expected, score(new Synflow()), 1e-8 * expected); // float64 pass of float32 weights (0.1 is 0.1 + 1.5e-9)
    }

    @Test
    void naswotIsTheLogDeterminantOfTheCodeAgreementKernel() {
        // codes of the ReLU's input: x1 → a = (-1.4, 1.7) → (0, 1); x2 → a = (-1.1, -2.175) → (0, 0).
        // K = [[2, 1], [1, 2]] (units where the codes agree), log det = log 3.
        assertTrue(pre(X[0])[0] < 0 && pre(X[0])[1] > 0 && pre(X[1])[0] < 0 && pre(X[1])[1] < 0);
        assertEquals(Math.log(3), score(new Naswot()), 1e-12);
    }

    @Test
    void jacovOfTwoImages() {
        // J_n = ∂(Σ_i z_i)/∂x = W1ᵀ·(mask_n ⊙ W2ᵀ·1); two rows of two entries: correlation ±1, eigenvalues {0, 2}
        double[][] j = new double[2][2];
        for (int n = 0; n < 2; n++) {
            double[] a = pre(X[n]);
            for (int k = 0; k < 2; k++) {
                for (int u = 0; u < 2; u++) {
                    j[n][k] += a[u] > 0 ? TwoLayerNet.W1[u][k] * (TwoLayerNet.W2[0][u] + TwoLayerNet.W2[1][u]) : 0;
                }
            }
        }
        // x2 switches every ReLU off: its row is constant (0, 0), correlations undefined, the score −∞
        assertEquals(0, j[1][0]);
        assertEquals(Double.NEGATIVE_INFINITY, score(new Jacov()));
    }

    @Test
    void jacovOfAKnownJacobian() {
        // rows (1, 2, 3) and (1, 3, 2): correlation r = 0.5, eigenvalues 1 ± r
        float[] rows = {1, 2, 3, 1, 3, 2};
        double r = 0.5;
        double k = Jacov.K;
        double expected = -(Math.log(1 + r + k) + 1 / (1 + r + k) + Math.log(1 - r + k) + 1 / (1 - r + k));
        assertEquals(expected, Jacov.score(rows, 2), 1e-12);
        // three rows (1,0,0,0), (0,1,0,0), (0,0,1,0) over 4 columns: each pair correlates −1/3 → eigenvalues 4/3, 4/3, 1/3
        float[] three = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
        double expected3 = -(2 * (Math.log(4.0 / 3 + k) + 1 / (4.0 / 3 + k)) + Math.log(1.0 / 3 + k) + 1 / (1.0 / 3 + k));
        assertEquals(expected3, Jacov.score(three, 3), 1e-12);
    }

    @Test
    void paramsAndFlopsCountTheLayers() {
        assertEquals(12, score(new Params()));
        assertEquals(8, score(new Flops()), "2×2 + 2×2 multiply-adds per image");
        try (NDManager scope = m.newSubManager()) {
            ParamStore ps = new ParamStore(scope);
            Conv2d conv = new Conv2d(ps, "c", 3, 4, 3, 1, 1, new Rng(0));
            Network net = new Network() {
                @Override
                public ParamStore params() {
                    return ps;
                }

                @Override
                public NDArray forward(NDArray x, boolean training) {
                    return conv.forward(x);
                }
            };
            Batch b = new Batch(scope.zeros(new Shape(5, 3, 8, 8)), scope.zeros(new Shape(5, 2)), new int[5]);
            assertEquals(4 * 8 * 8 * 3 * 9, new Flops().score(net, b, NONE), "out channels × H × W × in × 3 × 3");
            assertEquals(4 * 3 * 9, new Params().score(net, b, NONE));
        }
    }
}
