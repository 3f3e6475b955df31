package dev.naslab.core.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.train.Passes;
import dev.naslab.api.base.Rng;
import dev.naslab.core.engine.TorchProfiler;
import dev.naslab.core.search.HostSearchState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times search iterations of a real optimizer on a supernet with random data of a given shape,
 * as the PyTorch peer script does; optionally samples resident memory and times scoring passes
 * (forward only, no gradients, BatchNorm on batch statistics).
 */
public final class StepBench {

    private final Supernet net;
    private final int batch;
    private final int classes;
    private final long[] shape;
    private final NDManager root;
    private final Rng rng = new Rng(0);
    private Path profile;

    public StepBench(Supernet net, int batch, int channels, int height, int width, int classes, NDManager root) {
        this.net = net;
        this.batch = batch;
        this.classes = classes;
        this.shape = new long[] {batch, channels, height, width};
        this.root = root;
    }

    /**
     * Records the timed iterations with PyTorch's profiler into {@code trace} (a Chrome trace).
     *
     * @param trace a file that does not exist yet
     * @return this bench
     */
    public StepBench profileTo(Path trace) {
        this.profile = trace;
        return this;
    }

    /** Runs warm-up, then timed iterations, then more until the last RSS sample. */
    public <S extends Record> Map<String, Object> run(SearchOptimizer<S> optimizer, S settings, int warmup, int steps,
            List<Integer> rssAt, boolean score) throws IOException {
        net.arch().use(optimizer.mixing(settings), new Rng(2));
        // an optimizer may log into its folder while it steps: a temporary one of naslab's own, emptied below
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("naslab-bench-step-");
        try {
            return timed(optimizer, settings, warmup, steps, rssAt, score,
                    new HostSearchState(net, 1, 1, new Rng(1), root, folder));
        } finally {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(folder)) {
                for (java.nio.file.Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Untimed scoring passes before the timed ones, at least. */
    static final int SCORE_WARMUP = 4;

    private void scorePass() {
        try (NDManager m = root.newSubManager(); Batch b = randomBatch(m)) {
            Passes.evaluate(x -> net.forward(x, true), b, true);
        }
    }

    private <S extends Record> Map<String, Object> timed(SearchOptimizer<S> optimizer, S settings, int warmup, int steps,
            List<Integer> rssAt, boolean score, HostSearchState state) throws IOException {
        state.setBatchSize(batch);
        optimizer.begin(state, settings);
        for (int i = 0; i < warmup; i++) {
            iteration(optimizer, settings, state);
        }
        long t0 = System.nanoTime();
        try (TorchProfiler profiler = profile == null ? null : TorchProfiler.start(profile)) {
            for (int i = 0; i < steps; i++) {
                iteration(optimizer, settings, state);
            }
        }
        double per = (System.nanoTime() - t0) / 1e9 / steps;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parameters", net.params().count());
        out.put("seconds_per_iteration", round(per));
        out.put("images_per_second", round(2.0 * batch / per));
        out.put("peak_rss_mb", PeakMemory.peakMegabytes(ProcessHandle.current().pid()));
        if (!rssAt.isEmpty()) {
            Map<String, Long> rss = new LinkedHashMap<>();
            int done = steps;
            for (int target : rssAt.stream().sorted().toList()) {
                for (; done < target; done++) {
                    iteration(optimizer, settings, state);
                }
                rss.put(Integer.toString(target), residentMegabytes());
            }
            out.put("rss_mb_after_iterations", rss);
        }
        if (score) {
            // untimed first: an optimizer whose steps run no pass (none) leaves the engine's warm-up to here, and
            // the first forwards get faster for a few passes (NB201 at batch 256: 2.4 s per pass after 1, 0.99 after 4)
            for (int i = 0; i < Math.max(SCORE_WARMUP, warmup); i++) {
                scorePass();
            }
            long s0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                scorePass();
            }
            double scorePer = (System.nanoTime() - s0) / 1e9 / steps;
            out.put("score_seconds_per_batch", round(scorePer));
            out.put("score_images_per_second", round(batch / scorePer));
            out.put("score_vs_training_images_per_second", round((batch / scorePer) / (2.0 * batch / per)));
        }
        return out;
    }

    private <S extends Record> void iteration(SearchOptimizer<S> optimizer, S settings, HostSearchState state) {
        try (NDManager step = root.newSubManager(); Batch train = randomBatch(step); Batch valid = randomBatch(step)) {
            optimizer.step(state, settings, train, valid);
        }
    }

    private Batch randomBatch(NDManager m) {
        return randomBatch(rng, shape, classes, m);
    }

    /** A batch of Gaussian images of {@code shape} (N×C×H×W) with uniformly drawn labels. */
    static Batch randomBatch(Rng rng, long[] shape, int classes, NDManager m) {
        int batch = (int) shape[0];
        int n = (int) (shape[0] * shape[1] * shape[2] * shape[3]);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] onehot = new float[batch * classes];
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(classes);
            onehot[i * classes + labels[i]] = 1f;
        }
        return new Batch(m.create(x, new Shape(shape)), m.create(onehot, new Shape(batch, classes)), labels);
    }

    /** VmRSS of this process in MB (Linux), or -1. */
    public static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
