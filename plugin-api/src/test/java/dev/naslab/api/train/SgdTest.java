package dev.naslab.api.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SgdTest {

    /** Loss = Σ c·w, so the raw gradient is c; expected values computed by hand (PyTorch rule). */
    private static void backward(NDManager m, NDArray w, float[] c) {
        Grads.zero(java.util.List.of(w));
        try (NDManager pass = m.newSubManager();
                GradientCollector gc = m.getEngine().newGradientCollector()) {
            NDArray cc = pass.create(c).reshape(w.getShape());
            NDArray loss = cc.mul(w).sum();
            gc.backward(loss);
        }
    }

    @Test
    void momentumAndWeightDecayFollowPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, -2f});
            w.setRequiresGradient(true);
            Sgd sgd = new Sgd(Map.of("w", w), 0.9f, 0.1f, m);
            float[] c = {0.5f, 1f};
            backward(m, w, c);
            sgd.step(0.1f);
            assertArrayEquals(new float[] {0.94f, -2.08f}, w.toFloatArray(), 1e-6f);
            backward(m, w, c);
            sgd.step(0.1f);
            assertArrayEquals(new float[] {0.8266f, -2.2312f}, w.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void adamFollowsPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f});
            w.setRequiresGradient(true);
            Adam adam = new Adam(Map.of("w", w), 0.1f, 0.5f, 0.999f, 1e-8f, 0f, m);
            backward(m, w, new float[] {0.5f});
            adam.step();
            assertArrayEquals(new float[] {0.9f}, w.toFloatArray(), 1e-5f);
            backward(m, w, new float[] {0.5f});
            adam.step();
            assertArrayEquals(new float[] {0.8f}, w.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void frozenAdamRowsDoNotMoveNorKeepMomentsWhileTheOthersFollowPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, 2f, 3f, 4f}, new ai.djl.ndarray.types.Shape(2, 2));
            w.setRequiresGradient(true);
            NDArray ref = m.create(new float[] {1f, 2f}, new ai.djl.ndarray.types.Shape(1, 2));
            ref.setRequiresGradient(true);
            Adam adam = new Adam(Map.of("a", w), 0.1f, 0.5f, 0.999f, 1e-8f, 0.1f, m);
            Adam plain = new Adam(Map.of("a", ref), 0.1f, 0.5f, 0.999f, 1e-8f, 0.1f, m);
            adam.freezeRows("a", 1);
            for (int i = 0; i < 3; i++) {
                backward(m, w, new float[] {0.5f, 0.5f, 0.5f, 0.5f});
                adam.step();
                backward(m, ref, new float[] {0.5f, 0.5f});
                plain.step();
            }
            float[] got = w.toFloatArray();
            // weight decay 0.1 would move a row with no gradient at all; a frozen row stays exactly
            assertArrayEquals(new float[] {3f, 4f}, new float[] {got[2], got[3]}, 0f);
            assertArrayEquals(ref.toFloatArray(), new float[] {got[0], got[1]}, 1e-6f);
            // the first step moves every unfrozen entry by lr (Adam's first step is lr·sign): 1 -> 0.9, 2 -> 1.9
            float[] moments = adam.stateTensors().get("m/a").toFloatArray();
            assertArrayEquals(new float[] {0f, 0f}, new float[] {moments[2], moments[3]}, 0f);
            assertArrayEquals(java.util.List.of(1).toArray(), adam.frozenRows("a").toArray());
        }
    }

    @Test
    void adamsSecondMomentUsesOneMinusBetaAsWritten() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f});
            w.setRequiresGradient(true);
            Adam adam = new Adam(Map.of("w", w), 3e-4f, 0.5f, 0.999f, 1e-8f, 0f, m);
            backward(m, w, new float[] {0.5f});
            adam.step();
            // PyTorch: v = (1 - 0.999) · g² with 1 - 0.999 taken in double, then float32: 0.001f · 0.25
            // (holding β2 as the float 0.99900001 made it 9.99987e-4 · 0.25, 1.3e-5 relative off)
            assertEquals(0.001f * 0.25f, adam.stateTensors().get("v/w").toFloatArray()[0], 0f);
            assertEquals(0.999, adam.stateScalars().get("hyper/beta2"), 0.0);
        }
    }

    @Test
    void adamFirstStepOfAnUnfrozenRowIsTheLearningRate() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, 2f, 3f, 4f}, new ai.djl.ndarray.types.Shape(2, 2));
            w.setRequiresGradient(true);
            Adam adam = new Adam(Map.of("a", w), 0.1f, 0.5f, 0.999f, 1e-8f, 0.1f, m);
            adam.freezeRows("a", 1);
            backward(m, w, new float[] {0.5f, 0.5f, 0.5f, 0.5f});
            adam.step();
            assertArrayEquals(new float[] {0.9f, 1.9f, 3f, 4f}, w.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void globalNormClipScalesAllGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {0f});
            NDArray b = m.create(new float[] {0f});
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(a.mul(3f).add(b.mul(4f)).sum());
            }
            float norm = GradClip.globalNorm(java.util.List.of(a, b), 1f);
            assertArrayEquals(new float[] {5f}, new float[] {norm}, 1e-6f);
            try (NDArray ga = a.getGradient(); NDArray gb = b.getGradient()) {
                assertArrayEquals(new float[] {0.6f}, ga.toFloatArray(), 1e-5f);
                assertArrayEquals(new float[] {0.8f}, gb.toFloatArray(), 1e-5f);
            }
        }
    }
}
