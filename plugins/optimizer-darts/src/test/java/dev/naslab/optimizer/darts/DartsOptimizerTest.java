package dev.naslab.optimizer.darts;

import dev.naslab.testkit.TestSearchState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.SettingException;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.train.Grads;
import dev.naslab.api.train.Passes;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Sgd;
import dev.naslab.space.nb201.Nb201Settings;
import dev.naslab.space.nb201.Nb201Space;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class DartsOptimizerTest {

    static final int B = 6;
    static final int CLASSES = 3;

    static Supernet tiny(NDManager m) {
        return new Nb201Space().supernet(new Nb201Settings(2, 1), new InputShape(1, 8, 8), CLASSES, new Rng(7), m);
    }

    static Batch batch(NDManager m, long seed) {
        Rng r = new Rng(seed);
        float[] x = new float[B * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float[] oh = new float[B * CLASSES];
        int[] labels = new int[B];
        for (int i = 0; i < B; i++) {
            labels[i] = r.nextInt(CLASSES);
            oh[i * CLASSES + labels[i]] = 1;
        }
        return new Batch(m.create(x, new Shape(B, 1, 8, 8)), m.create(oh, new Shape(B, CLASSES)), labels);
    }

    static DartsSettings settings(String order, Boolean trainAlpha) {
        return new DartsSettings(1, B, null, null, null, null, null, null, null, null, null, order, trainAlpha);
    }

    /** f(α) = L_val(W − ξ(∇w L_tr(W, α) + λW), α), evaluated without autograd tricks. */
    static double unrolledValidationLoss(Supernet net, float xi, float wd, Batch train, Batch valid) {
        Map<String, NDArray> weights = net.params().weights();
        List<NDArray> backup = weights.values().stream().map(NDArray::duplicate).toList();
        net.arch().setTrainable(false);
        Grads.zero(weights.values());
        Passes.backward(x -> net.forward(x, true), train);
        for (NDArray w : weights.values()) {
            try (NDArray g = w.getGradient(); NDArray d = w.mul(wd)) {
                g.addi(d).muli(xi);
                w.subi(g);
            }
        }
        double loss = Passes.evaluate(x -> net.forward(x, true), valid).loss();
        int i = 0;
        for (NDArray w : weights.values()) {
            w.muli(0f).addi(backup.get(i++));
        }
        net.arch().setTrainable(true);
        return loss;
    }

    static Batch features(NDManager m, long seed, int n) {
        Rng r = new Rng(seed);
        float[] x = new float[n * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float[] oh = new float[n * CLASSES];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(CLASSES);
            oh[i * CLASSES + labels[i]] = 1;
        }
        return new Batch(m.create(x, new Shape(n, 4)), m.create(oh, new Shape(n, CLASSES)), labels);
    }

    /** Central differences of f(α) = L_val(w'(α), α) against the unrolled hypergradient. */
    static double[] compare(Supernet net, float xi, float wd, Batch train, Batch valid) {
        Sgd sgd = new Sgd(net.params().weights(), 0.9f, wd, net.params().manager());
        dev.naslab.api.train.UnrolledHypergradient.hypergradient(net, sgd, xi, train, valid);
        NDArray alpha = net.arch().alpha("cell");
        float[] analytic;
        try (NDArray g = alpha.getGradient()) {
            analytic = g.toFloatArray();
        }
        float[] a0 = alpha.toFloatArray();
        float h = 1e-2f;
        double dot = 0;
        double na = 0;
        double nn = 0;
        for (int i = 0; i < a0.length; i++) {
            float[] p = a0.clone();
            p[i] += h;
            alpha.set(java.nio.FloatBuffer.wrap(p));
            double up = unrolledValidationLoss(net, xi, wd, train, valid);
            p[i] -= 2 * h;
            alpha.set(java.nio.FloatBuffer.wrap(p));
            double down = unrolledValidationLoss(net, xi, wd, train, valid);
            double numeric = (up - down) / (2 * h);
            dot += numeric * analytic[i];
            na += analytic[i] * (double) analytic[i];
            nn += numeric * numeric;
        }
        alpha.set(java.nio.FloatBuffer.wrap(a0));
        return new double[] {dot / Math.sqrt(na * nn), Math.sqrt(na / nn)};
    }

    /**
     * The unrolled (second-order) hypergradient is the derivative of the validation loss after
     * one virtual SGD step, f(α) = L_val(w − ξ(∇w L_tr(w, α) + λw), α): checked against central
     * finite differences of f on a supernet that is smooth everywhere, with a step large enough
     * for the second-order term to matter (ξ = 0 alone is the first-order gradient).
     */
    @Test
    void unrolledHypergradientIsTheDerivativeOfTheUnrolledLoss() {
        try (NDManager m = NDManager.newBaseManager(); Supernet net = new SmoothSupernet(m, 3)) {
            Batch train = features(m, 1, 32);
            Batch valid = features(m, 2, 32);
            double[] first = compare(net, 0f, 3e-4f, train, valid);
            assertTrue(first[0] > 0.9999, "xi=0 cosine " + first[0]);
            double[] second = compare(net, 0.5f, 3e-4f, train, valid);
            assertTrue(second[0] > 0.999, "xi=0.5 cosine " + second[0]);
            assertEquals(1.0, second[1], 0.01, "xi=0.5 norm ratio");
        }
    }

    /** At ξ = 0 on a real NAS-Bench-201 supernet the hypergradient is ∇α L_val (finite differences). */
    @Test
    void hypergradientAtZeroStepMatchesFiniteDifferencesOnNasBench201() {
        try (NDManager m = NDManager.newBaseManager(); Supernet net = tiny(m)) {
            double[] r = compare(net, 0f, 3e-4f, batch(m, 1), batch(m, 2));
            assertTrue(r[0] > 0.98, "cosine " + r[0]);
            assertEquals(1.0, r[1], 0.1, "norm ratio");
        }
    }

    @Test
    void firstOrderAdamMovesEveryAlphaByItsLearningRate() {
        try (NDManager m = NDManager.newBaseManager(); Supernet net = tiny(m)) {
            DartsOptimizer opt = new DartsOptimizer();
            DartsSettings s = settings("first", true);
            TestSearchState state = new TestSearchState(net, m);
            opt.begin(state, s);
            float[] before = net.arch().alpha("cell").toFloatArray();
            opt.step(state, s, batch(m, 1), batch(m, 2));
            float[] after = net.arch().alpha("cell").toFloatArray();
            int moved = 0;
            for (int i = 0; i < before.length; i++) {
                float d = Math.abs(after[i] - before[i]);
                // Adam's first step is lr·g/(|g|+eps): 3e-4 per entry, or 0 for "none" (zero gradient
                // but for weight decay, which also gives a full step of 3e-4 in the sign of α)
                assertEquals(3e-4f, d, 2e-6f, "entry " + i);
                moved++;
            }
            assertEquals(30, moved);
            assertTrue(state.metrics().containsKey("train_loss"));
        }
    }

    @Test
    void fixAlphaKeepsUniformMixingAndStillTrainsWeights() {
        try (NDManager m = NDManager.newBaseManager(); Supernet net = tiny(m)) {
            DartsOptimizer opt = new DartsOptimizer();
            DartsSettings s = settings("first", false);
            TestSearchState state = new TestSearchState(net, m);
            opt.begin(state, s);
            NDArray w = net.params().weights().values().iterator().next();
            float[] w0 = w.toFloatArray();
            opt.step(state, s, batch(m, 1), batch(m, 2));
            opt.step(state, s, batch(m, 3), batch(m, 4));
            assertArrayEquals(new float[30], net.arch().alpha("cell").toFloatArray());
            Assertions.assertFalse(java.util.Arrays.equals(w0, w.toFloatArray()));
        }
    }

    @Test
    void badSettingsNameTheKey() {
        SettingException e = Assertions.assertThrows(SettingException.class,
                () -> new DartsSettings(-3, null, null, null, null, null, null, null, null, null, null, null, null));
        assertEquals("epochs", e.key());
        assertTrue(e.reason().contains("positive"));
        assertEquals("order", Assertions.assertThrows(SettingException.class, () -> settings("third", true)).key());
    }

    /**
     * The search's α optimizer keys α's moments by cell type name: DARTS-PT's tuning builds its Adam over
     * {@code arch.alphas()} and continues those moments from the checkpoint, so a different key would restart
     * them silently.
     */
    @Test
    void alphaOptimizerStateIsKeyedAsTheTuningLooksItUp() {
        try (NDManager m = NDManager.newBaseManager();
                Supernet net = new Nb201Space().supernet(new Nb201Settings(2, 1), new InputShape(1, 8, 8), 3, new Rng(0), m)) {
            DartsSettings s = new DartsSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
            dev.naslab.api.train.Adam adam = s.architectureOptimizer(net, m);
            Grads.zero(net.arch().trainables().values());
            adam.step();
            assertEquals(net.arch().alphas().keySet(), adam.stateTensors().keySet().stream()
                    .filter(k -> k.startsWith("m/")).map(k -> k.substring(2)).collect(java.util.stream.Collectors.toSet()));
        }
    }
}
