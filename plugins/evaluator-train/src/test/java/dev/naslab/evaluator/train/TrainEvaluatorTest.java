package dev.naslab.evaluator.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.Progress;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.eval.Evaluation;
import dev.naslab.api.eval.EvaluationContext;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.train.Rng;
import dev.naslab.dataset.images.FashionMnist;
import dev.naslab.dataset.images.ImageDatasetSettings;
import dev.naslab.space.nb201.Nb201Settings;
import dev.naslab.space.nb201.Nb201Space;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainEvaluatorTest {

    @Test
    void trainingFromScratchBeatsChanceOnRealImages(@TempDir Path dir) {
        DataSplits data = new FashionMnist().load(new ImageDatasetSettings("sample", 0.5, 1024, 500, null, null), 0);
        Nb201Space space = new Nb201Space();
        Nb201Settings s = new Nb201Settings(8, 1);
        Architecture a = space.parse(
                "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|", s);
        try (NDManager m = NDManager.newBaseManager()) {
            EvaluationContext ctx = new EvaluationContext() {
                public DataSplits data() { return data; }
                public Network network(Architecture x, Rng rng, NDManager mm) {
                    return space.network(x, s, data.train().shape(), 10, rng, mm);
                }
                public long seed() { return 0; }
                public NDManager manager() { return m; }
                public Path workDir() { return dir; }
                public Progress progress() { return Progress.NONE; }
            };
            Evaluation ev = new TrainEvaluator().evaluate(a, ctx,
                    new TrainSettings(2, 64, 0.05, null, null, null, null, false));
            // ten balanced classes: chance is 10 %; two epochs on 1,024 images reach far more
            assertTrue(ev.testAccuracy() > 40, "test accuracy " + ev.testAccuracy());
            assertEquals(space.network(a, s, data.train().shape(), 10, new Rng(0), m).params().count(), ev.parameters());
        }
    }
}
