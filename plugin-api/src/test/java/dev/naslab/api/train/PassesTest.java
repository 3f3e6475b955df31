package dev.naslab.api.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.data.Batch;
import org.junit.jupiter.api.Test;

class PassesTest {

    static Batch batch(NDManager m) {
        return new Batch(m.create(new float[] {1f, 2f}, new Shape(2, 1)),
                m.create(new float[] {1f, 0f, 0f, 1f}, new Shape(2, 2)), new int[] {0, 1});
    }

    @Test
    void crossEntropyAndAccuracyMatchHandComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            // logits [0, ln 3] for both samples: p = (1/4, 3/4); sample 0 is class 0, sample 1 class 1
            PassResult r = Passes.evaluate(x -> x.mul(0f).concat(x.mul(0f).add((float) Math.log(3)), 1), batch(m));
            assertEquals((Math.log(4) + Math.log(4.0 / 3)) / 2, r.loss(), 1e-5);
            assertEquals(50.0, r.accuracy(), 1e-9);
        }
    }

    @Test
    void aNanLossIsReportedAsDivergence() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(DivergedException.class,
                    () -> Passes.evaluate(x -> x.concat(x, 1).mul(Float.NaN), batch(m)));
        }
    }

    @Test
    void auxiliaryLossIsAddedWithItsWeight() {
        try (NDManager m = NDManager.newBaseManager()) {
            Batch b = batch(m);
            // main logits uniform: CE = ln 2; auxiliary logits [0, ln 3] as above: CE = (ln 4 + ln 4/3) / 2
            var main = m.zeros(new Shape(2, 2));
            var aux = m.create(new float[] {0f, (float) Math.log(3), 0f, (float) Math.log(3)}, new Shape(2, 2));
            double auxCe = (Math.log(4) + Math.log(4.0 / 3)) / 2;
            var out = new dev.naslab.api.model.TrainingOutput(main, aux);
            assertEquals(Math.log(2) + 0.4 * auxCe, Passes.recipeLoss(out, b.oneHot(), 0.4f).getFloat(), 1e-5);
            assertEquals(Math.log(2), Passes.recipeLoss(out, b.oneHot(), 0f).getFloat(), 1e-6);
            var noAux = new dev.naslab.api.model.TrainingOutput(main, null);
            assertEquals(Math.log(2), Passes.recipeLoss(noAux, b.oneHot(), 0.4f).getFloat(), 1e-6);
        }
    }

    /**
     * The auxiliary loss's weight is read again by the backward pass: it must outlive the forward
     * pass although native memory is freed and reused in between (see {@code MixingWeightsTest}).
     * Zero logits, class 0: ∂CE/∂logits = softmax − one-hot = (−½, ½), times the weight ½.
     */
    @Test
    void theAuxiliaryWeightOutlivesTheForwardPass() throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager(); NDManager pass = m.newSubManager()) {
            ai.djl.ndarray.NDArray main = pass.zeros(new Shape(1, 2));
            ai.djl.ndarray.NDArray aux = pass.zeros(new Shape(1, 2));
            aux.setRequiresGradient(true);
            ai.djl.ndarray.NDArray oneHot = pass.create(new float[] {1f, 0f}, new Shape(1, 2));
            try (ai.djl.training.GradientCollector gc = m.getEngine().newGradientCollector()) {
                ai.djl.ndarray.NDArray loss = Passes.recipeLoss(
                        new dev.naslab.api.model.TrainingOutput(main, aux), oneHot, 0.5f);
                for (int round = 0; round < 3; round++) {
                    System.gc();
                    Thread.sleep(50);
                    java.util.List<java.nio.ByteBuffer> fill = new java.util.ArrayList<>();
                    for (int i = 0; i < 2000; i++) {
                        fill.add(java.nio.ByteBuffer.allocateDirect(4).putFloat(0, Float.NaN));
                    }
                }
                gc.backward(loss);
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {-0.25f, 0.25f},
                    aux.getGradient().toFloatArray(), 1e-6f);
        }
    }
}
