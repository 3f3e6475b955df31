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
}
