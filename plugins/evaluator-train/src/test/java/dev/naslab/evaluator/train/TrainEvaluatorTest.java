package dev.naslab.evaluator.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.base.Progress;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.eval.Evaluation;
import dev.naslab.api.eval.EvaluationContext;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.base.Rng;
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
                    new TrainSettings(2, 64, 0.05, null, null, null, null, false, null, null, null));
            // ten balanced classes: chance is 10 %; two epochs on 1,024 images reach far more
            assertTrue(ev.testAccuracy() > 40, "test accuracy " + ev.testAccuracy());
            assertEquals(space.network(a, s, data.train().shape(), 10, new Rng(0), m).params().count(), ev.parameters());
        }
    }

    @Test
    void dropPathRampsLinearlyFromZero() {
        // DARTS: model.drop_path_prob = drop_path_prob * epoch / epochs, epoch 0-based
        assertEquals(0f, TrainEvaluator.dropPathAt(0.2, 0, 600), 0f);
        assertEquals(0.1f, TrainEvaluator.dropPathAt(0.2, 300, 600), 1e-7f);
        assertEquals(0.2f * 599 / 600, TrainEvaluator.dropPathAt(0.2, 599, 600), 1e-7f);
    }

    @Test
    void recipeSettingsNeedTheSpaceToSupportThem() {
        TrainSettings darts = new TrainSettings(null, null, null, null, null, null, null, null, 0.4, 0.2, 16);
        var problems = new TrainEvaluator().check(darts, java.util.Set.of());
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).startsWith("auxiliary_weight: 0.4 needs an auxiliary head"), problems.get(0));
        assertTrue(problems.get(1).startsWith("drop_path: 0.2 needs cells with drop path"), problems.get(1));
        assertTrue(new TrainEvaluator().check(darts, java.util.EnumSet.allOf(dev.naslab.api.model.TrainingFeature.class))
                .isEmpty());
    }
}
