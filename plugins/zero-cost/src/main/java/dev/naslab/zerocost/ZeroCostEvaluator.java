package dev.naslab.zerocost;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.Evaluator;
import dev.naslab.api.ZeroCostProxy;
import dev.naslab.api.base.Rng;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.data.ImageSet;
import dev.naslab.api.eval.Evaluation;
import dev.naslab.api.eval.EvaluationContext;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.Network;
import dev.naslab.api.plan.Workload;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Scores the selected architecture's network at initialisation with zero-cost proxies instead of training it:
 * each proxy on its own copy of the network (built from the same seed), the data proxies on one batch of training
 * images drawn from the trial's seed, as the reference harness does. Each proxy is a column of the results (and
 * {@code <proxy>_seconds} its time); there is no test accuracy.
 */
@Extension
public final class ZeroCostEvaluator implements Evaluator<ZeroCostSettings> {

    @Override
    public String id() {
        return "zero-cost";
    }

    @Override
    public Class<ZeroCostSettings> settingsClass() {
        return ZeroCostSettings.class;
    }

    @Override
    public String description() {
        return "score the selected network at initialisation with zero-cost proxies (no training, no test accuracy)";
    }

    @Override
    public Optional<Workload> workload(ZeroCostSettings s) {
        return Optional.of(new Workload(0, 0, 0, false));
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context, ZeroCostSettings s) {
        NDManager root = context.manager();
        String engine = root.getEngine().getEngineName();
        for (String id : s.proxies()) {
            Proxies.of(id, "proxies").unsupported(engine).ifPresent(why -> {
                throw new IllegalStateException("zero-cost: " + why + "; leave " + id + " out of proxies or run on "
                        + "the PyTorch engine");
            });
        }
        long seed = Rng.derive(context.seed(), "zero-cost").nextLong();
        Map<String, Double> metrics = new LinkedHashMap<>();
        long parameters = 0;
        context.progress().start("zero-cost proxies", s.proxies().size(), 0);
        try (NDManager m = root.newSubManager(); Batch batch = batch(context.data().train(), s.batchSize(), seed, m)) {
            for (int i = 0; i < s.proxies().size(); i++) {
                SimpleProxy p = Proxies.of(s.proxies().get(i), "proxies");
                long start = System.nanoTime();
                try (NDManager scope = m.newSubManager(); Network net = context.network(architecture, new Rng(seed), scope)) {
                    metrics.put(p.id(), p.score(net, batch, new ZeroCostProxy.NoSettings()));
                    parameters = net.params().count() - net.trainingOnlyParameters();
                }
                metrics.put(p.id() + "_seconds", (System.nanoTime() - start) / 1e9);
                context.progress().advance(1, p.id());
            }
        }
        return new Evaluation(Double.NaN, Double.NaN, parameters, metrics);
    }

    /** The first {@code size} images of a permutation of the training split drawn from {@code seed}. */
    static Batch batch(ImageSet train, int size, long seed, NDManager m) {
        int n = Math.min(size, train.size());
        int[] pos = Arrays.copyOf(new Rng(seed).permutation(train.size()), n);
        return train.batch(pos, Augmentation.NONE, new Rng(seed), m);
    }
}
