package dev.naslab.core.parity;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.train.Grads;
import dev.naslab.api.train.Passes;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Sgd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one space on two engines with the same weights and compares what they compute: the
 * supernet's logits (batch statistics, as searches and DARTS-PT's scoring use), the gradients of
 * its weights and of α, and the weights and α after one first-order DARTS iteration (α step with
 * Adam on a validation batch, then an SGD weight step with clipping, the reference's
 * hyper-parameters); then, for every published architecture of the space, the discrete network's
 * logits in training and inference mode and its weight gradients under the evaluation recipe's
 * loss (auxiliary head included where the space has one). Weights are copied from the reference
 * engine's instances, so the comparison does not depend on both engines initialising alike.
 *
 * <p>Every quantity is also computed a third time, on the reference engine with the input nudged
 * by {@link #NUDGE} (relative): how far that moves it is the quantity's sensitivity to rounding.
 * Gradients of ReLU and max-pool networks are discontinuous, and BatchNorm over few values
 * amplifies small differences, so in deep or wide configurations the engines' rounding alone moves
 * gradient entries by far more than 1e-3; a check that fails there is reported inconclusive rather
 * than failed (see {@link ParityCheck.Verdict}).
 */
public final class EngineParity<S extends Record> {

    /** Relative size of the input nudge that measures sensitivity: a few float32 roundings. */
    public static final double NUDGE = 1e-6;

    private final SearchSpace<S> space;
    private final S settings;
    private final InputShape shape;
    private final int classes;
    private final int batch;
    private final long seed;
    private final Map<String, String> architectures = new LinkedHashMap<>();
    private dev.naslab.api.model.SupernetOptions options = dev.naslab.api.model.SupernetOptions.NONE;
    private dev.naslab.api.model.ArchMixing mixing = dev.naslab.api.model.ArchMixing.SOFTMAX;

    /**
     * @param space    the space under test
     * @param settings its settings
     * @param shape    input shape of the random batches
     * @param classes  number of classes
     * @param batch    images per batch
     * @param seed     seed of the weights and the batches
     */
    public EngineParity(SearchSpace<S> space, S settings, InputShape shape, int classes, int batch,
            long seed) {
        this.space = space;
        this.settings = settings;
        this.shape = shape;
        this.classes = classes;
        this.batch = batch;
        this.seed = seed;
    }

    /** Checks these architectures' networks (architecture strings of the space) instead of the published ones. */
    public EngineParity<S> withArchitectures(List<String> texts) {
        texts.forEach(t -> architectures.put(t, t));
        return this;
    }

    /**
     * Checks the supernet an optimizer would search: built with its supernet options (e.g. PC-DARTS's
     * partial channels) and mixing with its evaluation form, its extra architecture parameters included
     * in the architecture gradients and the iteration's results; with auxiliary skip connections (DARTS−)
     * they are on, at β = {@value #AUXILIARY_SKIP_BETA}.
     */
    public EngineParity<S> withSupernet(dev.naslab.api.model.SupernetOptions options,
            dev.naslab.api.model.ArchMixing mixing) {
        this.options = options;
        this.mixing = mixing;
        return this;
    }

    /** Every check, reporting each as it finishes. */
    public List<ParityCheck> run(Engine reference, Engine other, Consumer<ParityCheck> report) {
        List<ParityCheck> checks = new ArrayList<>();
        Consumer<ParityCheck> add = c -> {
            checks.add(c);
            report.accept(c);
        };
        try (NDManager mr = reference.newBaseManager(); NDManager mo = other.newBaseManager()) {
            supernet(mr, mo, add);
            Map<String, String> networks = architectures.isEmpty() ? space.publishedArchitectures(settings)
                    : architectures;
            for (var n : networks.entrySet()) {
                network(n.getKey(), n.getValue(), mr, mo, add);
            }
        }
        return checks;
    }

    /** One instance on one engine with its batches. */
    private record Side<N extends Network>(N net, Batch train, Batch valid) implements AutoCloseable {
        @Override
        public void close() {
            train.close();
            valid.close();
        }
    }

    /** The three computations of every quantity: reference, other engine, reference nudged. */
    private record Runs(Map<String, float[]> reference, Map<String, float[]> other, Map<String, float[]> nudged) {
        ParityCheck judge(String what, double tolerance) {
            return TensorDiff.judge(what, tolerance, reference, other, nudged);
        }

        Runs map(Function<Map<String, float[]>, Map<String, float[]>> f) {
            return new Runs(f.apply(reference), f.apply(other), f.apply(nudged));
        }
    }

    private static <N extends Network> Runs runs(Side<N> ref, Side<N> other, Side<N> nudged, Runnable reset,
            Function<Side<N>, Map<String, float[]>> probe) {
        reset.run();
        Map<String, float[]> r = probe.apply(ref);
        reset.run();
        Map<String, float[]> o = probe.apply(other);
        reset.run();
        Map<String, float[]> n = probe.apply(nudged);
        return new Runs(r, o, n);
    }

    private void supernet(NDManager mr, NDManager mo, Consumer<ParityCheck> add) {
        try (Supernet a = supernet(mr);
                Supernet b = supernet(mo);
                Side<Supernet> ref = new Side<>(a, batch(mr, "train", 0), batch(mr, "valid", 0));
                Side<Supernet> other = new Side<>(b, batch(mo, "train", 0), batch(mo, "valid", 0));
                Side<Supernet> nudged = new Side<>(a, batch(mr, "train", NUDGE), batch(mr, "valid", NUDGE))) {
            Map<String, float[]> weights = values(a.params().state());
            Map<String, float[]> alphas = values(a.arch().tensors());
            Runnable reset = () -> {
                load(a.params().state(), weights);
                load(b.params().state(), weights);
                load(a.arch().tensors(), alphas);
                load(b.arch().tensors(), alphas);
            };
            add.accept(runs(ref, other, nudged, reset, s -> Map.of("logits", logits(s.net, s.train, true)))
                    .judge("supernet logits (batch statistics)", ParityCheck.LOGITS));
            Runs weightGradients = runs(ref, other, nudged, reset, s -> weightGradients(s.net, s.train));
            add.accept(weightGradients.judge("supernet weight gradients", ParityCheck.GRADIENTS));
            Runs alphaGradients = runs(ref, other, nudged, reset, s -> alphaGradients(s.net, s.train));
            add.accept(alphaGradients.judge("supernet alpha gradients", ParityCheck.GRADIENTS));

            Runs weightsAfter = runs(ref, other, nudged, reset, s -> {
                dartsIteration(s.net, s.train, s.valid);
                return values(s.net.params().weights());
            });
            Runs alphaAfter = runs(ref, other, nudged, reset, s -> {
                dartsIteration(s.net, s.train, s.valid);
                return values(s.net.arch().tensors());
            });
            add.accept(weightsAfter.judge("DARTS iteration: weights after", ParityCheck.GRADIENTS));
            add.accept(alphaAfter.judge("DARTS iteration: alpha after", ParityCheck.GRADIENTS));
            // the updates themselves, so that a wrong step cannot hide behind the weights' size
            add.accept(weightsAfter.map(w -> minus(w, weights)).judge("DARTS iteration: weight update",
                    ParityCheck.GRADIENTS));
            add.accept(alphaAfter.map(w -> minus(w, alphas)).judge("DARTS iteration: alpha update",
                    ParityCheck.GRADIENTS));
        }
    }

    private Supernet supernet(NDManager m) {
        Supernet net = space.supernet(settings, shape, classes, options, Rng.derive(seed, "parity-init"), m);
        net.arch().use(options.auxiliarySkip() ? withAuxiliarySkip(mixing) : mixing, Rng.derive(seed, "arch-parameters"));
        return net;
    }

    /** β of the auxiliary skip connections while they are checked: DARTS−'s mid-search value. */
    static final float AUXILIARY_SKIP_BETA = 0.5f;

    /**
     * The optimizer's mixing with the auxiliary skip connections switched on: evaluation forms
     * leave them out (β ends the search at 0), so this is how the checks reach them.
     */
    private static dev.naslab.api.model.ArchMixing withAuxiliarySkip(dev.naslab.api.model.ArchMixing inner) {
        return new dev.naslab.api.model.ArchMixing() {
            @Override
            public String id() {
                return inner.id();
            }

            @Override
            public dev.naslab.api.model.MixingWeights evaluation(dev.naslab.api.model.ArchState arch, NDManager pass) {
                return inner.evaluation(arch, pass).withAuxiliarySkip(AUXILIARY_SKIP_BETA);
            }

            @Override
            public float[][] strengths(dev.naslab.api.model.ArchState arch, String cell) {
                return inner.strengths(arch, cell);
            }

            @Override
            public List<dev.naslab.api.model.ArchParameter> parameters(List<dev.naslab.api.model.CellType> cellTypes) {
                return inner.parameters(cellTypes);
            }
        };
    }

    private void network(String name, String text, NDManager mr, NDManager mo, Consumer<ParityCheck> add) {
        var architecture = space.parse(text, settings);
        try (Network a = space.network(architecture, settings, shape, classes, Rng.derive(seed, "parity-net"), mr);
                Network b = space.network(architecture, settings, shape, classes, Rng.derive(seed, "parity-net"), mo);
                Side<Network> ref = new Side<>(a, batch(mr, "train", 0), batch(mr, "valid", 0));
                Side<Network> other = new Side<>(b, batch(mo, "train", 0), batch(mo, "valid", 0));
                Side<Network> nudged = new Side<>(a, batch(mr, "train", NUDGE), batch(mr, "valid", NUDGE))) {
            Map<String, float[]> weights = values(a.params().state());
            Runnable reset = () -> {
                load(a.params().state(), weights);
                load(b.params().state(), weights);
            };
            add.accept(runs(ref, other, nudged, reset, s -> Map.of("logits", logits(s.net, s.train, true)))
                    .judge(name + " logits (training)", ParityCheck.LOGITS));
            add.accept(runs(ref, other, nudged, reset, s -> Map.of("logits", logits(s.net, s.train, false)))
                    .judge(name + " logits (inference)", ParityCheck.LOGITS));
            add.accept(runs(ref, other, nudged, reset, s -> recipeGradients(s.net, s.train))
                    .judge(name + " weight gradients", ParityCheck.GRADIENTS));
        }
    }

    /** ∇w as the weight step takes it: α fixed. */
    private static Map<String, float[]> weightGradients(Supernet net, Batch b) {
        net.arch().setTrainable(false);
        Grads.zero(net.params().weights().values());
        Passes.backward(x -> net.forward(x, true), b);
        return gradientValues(net.params().weights());
    }

    /** ∇α (and the extra architecture parameters') as the first-order α step takes it: weights fixed. */
    private static Map<String, float[]> alphaGradients(Supernet net, Batch b) {
        net.arch().setTrainable(true);
        net.params().setTrainable(false);
        try {
            Grads.zero(net.arch().trainables().values());
            Passes.backward(x -> net.forward(x, true), b);
        } finally {
            net.params().setTrainable(true);
        }
        return gradientValues(net.arch().trainables());
    }

    private static Map<String, float[]> recipeGradients(Network net, Batch b) {
        Grads.zero(net.params().weights().values());
        Rng unused = new Rng(0);
        Passes.backward(x -> net.forwardTraining(x, 0f, unused), 0.4f, b);
        return gradientValues(net.params().weights());
    }

    /** First-order DARTS with the reference's hyper-parameters (spaces-and-optimizers §C.3). */
    private static void dartsIteration(Supernet net, Batch train, Batch valid) {
        net.arch().setTrainable(true);
        try (NDManager opt = net.params().manager().newSubManager()) {
            Adam adam = new Adam(net.arch().trainables(), 3e-4f, 0.5f, 0.999f, 1e-8f, 1e-3f, opt);
            Sgd sgd = new Sgd(net.params().weights(), 0.9f, 3e-4f, opt);
            BilevelSteps.alphaStep(net, adam, valid);
            BilevelSteps.weightStep(net, sgd, 0.025f, 5f, train, true);
        }
    }

    /** Logits of a forward pass; MXNet runs BatchNorm on batch statistics only while recording. */
    private static float[] logits(Network net, Batch b, boolean training) {
        try (NDManager pass = b.x().getManager().newSubManager()) {
            NDArray x = b.x().duplicate();
            x.attach(pass);
            if (!training) {
                return TensorDiff.values(net.forward(x, false));
            }
            try (GradientCollector gc = pass.getEngine().newGradientCollector()) {
                return TensorDiff.values(net.forward(x, true));
            }
        }
    }

    /**
     * A batch of standard-normal images and uniform labels, the same on every engine; {@code nudge}
     * multiplies each pixel by (1 + nudge·N(0, 1)) from a separate stream.
     */
    private Batch batch(NDManager m, String which, double nudge) {
        Rng rng = Rng.derive(seed, "parity-" + which);
        Rng noise = Rng.derive(seed, "parity-nudge-" + which);
        int size = shape.channels() * shape.height() * shape.width();
        float[] pixels = new float[batch * size];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) (rng.nextGaussian() * (1 + nudge * noise.nextGaussian()));
        }
        int[] labels = new int[batch];
        float[] oneHot = new float[batch * classes];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(classes);
            oneHot[i * classes + labels[i]] = 1f;
        }
        NDManager bm = m.newSubManager();
        return new Batch(bm.create(pixels, new Shape(batch, shape.channels(), shape.height(), shape.width())),
                bm.create(oneHot, new Shape(batch, classes)), labels);
    }

    private static Map<String, float[]> values(Map<String, NDArray> tensors) {
        Map<String, float[]> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> out.put(k, TensorDiff.values(v)));
        return out;
    }

    private static Map<String, float[]> gradientValues(Map<String, NDArray> params) {
        Map<String, float[]> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            try (NDArray g = v.getGradient()) {
                out.put(k, TensorDiff.values(g));
            }
        });
        return out;
    }

    private static void load(Map<String, NDArray> target, Map<String, float[]> values) {
        if (!target.keySet().equals(values.keySet())) {
            throw new IllegalStateException("the two engines' instances have different parameters: "
                    + target.keySet() + " vs " + values.keySet());
        }
        values.forEach((k, v) -> overwrite(target.get(k), v));
    }

    /**
     * Writes values into an engine's array. MXNet refuses a direct write into an array it keeps in
     * oneDNN's blocked layout (BatchNorm statistics after a forward: "We can't generate TBlob for
     * MKLDNN data"); an in-place arithmetic update goes through its operators and works.
     */
    private static void overwrite(NDArray target, float[] v) {
        try {
            target.set(v);
        } catch (ai.djl.engine.EngineException e) {
            try (NDArray src = target.getManager().create(v, target.getShape())) {
                target.muli(0f).addi(src);
            }
        }
    }

    private static Map<String, float[]> minus(Map<String, float[]> after, Map<String, float[]> before) {
        Map<String, float[]> out = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            float[] b = before.get(k);
            float[] d = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                d[i] = v[i] - b[i];
            }
            out.put(k, d);
        });
        return out;
    }
}
