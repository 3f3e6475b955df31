package dev.naslab.evaluator.train;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.Evaluator;
import dev.naslab.api.base.Progress;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.data.BatchStream;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.data.ImageSet;
import dev.naslab.api.eval.Evaluation;
import dev.naslab.api.eval.EvaluationContext;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.TrainingFeature;
import dev.naslab.api.model.TrainingOutput;
import dev.naslab.api.train.DivergedException;
import dev.naslab.api.train.GradClip;
import dev.naslab.api.train.Grads;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Passes;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Schedules;
import dev.naslab.api.train.Sgd;
import dev.naslab.api.train.Stateful;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Trains the discrete network of an architecture from scratch on train+valid (SGD with momentum,
 * per-epoch cosine learning rate, global-norm clipping) and reports test accuracy with
 * BatchNorm on running statistics. The DARTS recipe's regularisers are settings: an auxiliary
 * loss, drop path ramped linearly over the epochs, and cutout.
 */
@Extension
public final class TrainEvaluator implements Evaluator<TrainSettings> {

    @Override
    public String id() {
        return "train";
    }

    @Override
    public Class<TrainSettings> settingsClass() {
        return TrainSettings.class;
    }

    @Override
    public String description() {
        return "train the selected network from scratch on train+valid, report test accuracy";
    }

    @Override
    public List<String> check(TrainSettings s, Set<TrainingFeature> supported) {
        List<String> problems = new ArrayList<>();
        if (s.auxiliaryWeight() > 0 && !supported.contains(TrainingFeature.AUXILIARY_HEAD)) {
            problems.add("auxiliary_weight: " + s.auxiliaryWeight() + " needs an auxiliary head, which this space's "
                    + "networks do not have; set 0 (or leave it out)");
        }
        if (s.dropPath() > 0 && !supported.contains(TrainingFeature.DROP_PATH)) {
            problems.add("drop_path: " + s.dropPath() + " needs cells with drop path, which this space's networks "
                    + "do not have; set 0 (or leave it out)");
        }
        return problems;
    }

    /** Trains on train + validation for {@code epochs}, then one pass over the test split. */
    @Override
    public java.util.Optional<dev.naslab.api.plan.Workload> workload(TrainSettings s) {
        return java.util.Optional.of(dev.naslab.api.plan.Workload.evaluation(s.epochs(), s.batchSize(), true));
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext ctx, TrainSettings s) {
        DataSplits data = ctx.data();
        ImageSet train = data.train().concat(data.valid());
        Augmentation aug = (s.augment() ? data.augmentation() : Augmentation.NONE).withCutout(s.cutout());
        Rng order = Rng.derive(ctx.seed(), "eval-order");
        Rng augRng = Rng.derive(ctx.seed(), "eval-augment");
        Rng dropRng = Rng.derive(ctx.seed(), "eval-drop-path");
        BatchStream stream = new BatchStream(train.size(), s.batchSize(), order);
        int steps = stream.batchesPerEpoch();
        Progress progress = ctx.progress();
        try (NDManager m = ctx.manager().newSubManager();
                Network net = ctx.network(architecture, Rng.derive(ctx.seed(), "eval-init"), m)) {
            Rng noise = Rng.derive(ctx.seed(), "eval-noise");
            net.randomSource(noise);
            float auxWeight = s.auxiliaryWeight().floatValue();
            Sgd sgd = new Sgd(net.params().weights(), s.momentum().floatValue(), s.weightDecay().floatValue(), m);
            // everything that decides the next epoch's numbers, saved after every epoch
            Map<String, Stateful> states = Map.of("sgd", sgd);
            Map<String, Rng> generators = Map.of("order", order, "augment", augRng, "drop-path", dropRng, "noise", noise);
            PassResult last = PassResult.EMPTY;
            int start = 0;
            java.util.Optional<Map<String, Double>> resumed = ctx.restoreProgress(net, states, generators);
            if (resumed.isPresent()) {
                start = resumed.get().get("epochs_done").intValue();
                last = new PassResult(resumed.get().get("loss_sum"), resumed.get().get("correct").longValue(),
                        resumed.get().get("count").longValue());
            }
            progress.start("evaluate", (long) s.epochs() * steps, (long) start * steps);
            for (int epoch = start; epoch < s.epochs(); epoch++) {
                float lr = Schedules.cosine(s.lr().floatValue(), s.lrMin().floatValue(), epoch, s.epochs());
                float dropPath = dropPathAt(s.dropPath(), epoch, s.epochs());
                stream.restartEpoch();
                PassResult epochResult = PassResult.EMPTY;
                for (int i = 0; i < steps; i++) {
                    try (NDManager step = m.newSubManager(); Batch b = train.batch(stream.next(), aug, augRng, step)) {
                        Grads.zero(net.params().weights().values());
                        epochResult = epochResult.plus(Passes.backward(x -> net.forwardTraining(x, dropPath, dropRng),
                                auxWeight, b));
                        float norm = GradClip.globalNorm(net.params().weights().values(), s.gradClip().floatValue());
                        if (!Float.isFinite(norm)) {
                            throw new DivergedException("gradient norm became " + norm);
                        }
                        sgd.step(lr);
                    }
                    progress.advance(1, String.format("epoch %d/%d", epoch + 1, s.epochs()));
                }
                last = epochResult;
                ctx.saveProgress(net, states, generators, Map.of("epochs_done", (double) (epoch + 1),
                        "loss_sum", last.lossSum(), "correct", (double) last.correct(), "count", (double) last.count()));
            }
            PassResult test = Passes.evaluate(net, data.test(), 256, false, m);
            return new Evaluation(test.accuracy(), test.loss(), net.params().count() - net.trainingOnlyParameters(),
                    Map.of("final_train_acc", last.accuracy(), "final_train_loss", last.loss()));
        }
    }

    /** The DARTS recipe's linear ramp: {@code p · epoch / epochs} for 0-based {@code epoch}. */
    static float dropPathAt(double finalProbability, int epoch, int epochs) {
        return (float) (finalProbability * epoch / epochs);
    }
}
