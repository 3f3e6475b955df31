package dev.naslab.zerocost;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.ArchitectureSelector;
import dev.naslab.api.ZeroCostProxy;
import dev.naslab.api.base.Progress;
import dev.naslab.api.base.Rng;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.data.ImageSet;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Network;
import dev.naslab.api.plan.Workload;
import dev.naslab.api.results.DecisionLog;
import dev.naslab.api.select.Derivation;
import dev.naslab.api.select.SelectionContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Zero-Cost-PT (Xiang et al., AAAI 2023): DARTS-PT's masking loop with a zero-cost proxy in place of the trained
 * supernet's accuracy, on a supernet that need not be trained. A round draws α afresh (α_std · N(0, 1): near-uniform
 * mixing), then decides one undecided edge of every cell type per step on one training batch: each op is masked in
 * turn (weight 0, no renormalisation) and the op whose masking gives the lowest score is kept; in the DARTS space it
 * then decides each node's inputs, keeping those whose removal gives the lowest scores. {@code pool_size} rounds give
 * up to as many candidates; each distinct one is built as a discrete network at initialisation (one seed for all) and
 * scored over {@code validate_batches} training batches (the same for all), and the best is returned. NASWOT scores
 * with BatchNorm on running statistics (at initialisation the identity), as the repository does; other proxies as
 * they score on their own. Every decision, candidate and validation score goes to {@code decisions.jsonl}; a killed
 * selection resumes after its last finished round or validated candidate.
 */
@Extension
public final class ZeroCostPtSelector implements ArchitectureSelector<ZeroCostPtSettings> {

    private static final ZeroCostProxy.NoSettings NONE = new ZeroCostProxy.NoSettings();

    @Override
    public String id() {
        return "zero-cost-pt";
    }

    @Override
    public Class<ZeroCostPtSettings> settingsClass() {
        return ZeroCostPtSettings.class;
    }

    @Override
    public String description() {
        return "Zero-Cost-PT: DARTS-PT's masking with a zero-cost proxy (default NASWOT) on an untrained supernet, "
                + "a pool of rounds, the best candidate by the proxy";
    }

    /**
     * Single batches: per round, one supernet pass per op of every edge (ops called {@code none} share one unmasked
     * pass) and one per input of every node whose inputs are chosen, in every cell type; then at most
     * {@code pool_size × validate_batches} passes of candidate networks (fewer when rounds agree).
     */
    @Override
    public Optional<Workload> workload(ZeroCostPtSettings s, List<CellType> cells) {
        long perRound = 0;
        for (CellType c : cells) {
            for (int e = 0; e < c.edges().size(); e++) {
                long none = c.ops(e).stream().filter("none"::equals).count();
                perRound += c.ops(e).size() - none + (none > 0 ? 1 : 0);
            }
            for (int node : c.prunableNodes()) {
                perRound += c.incoming(node).size();
            }
        }
        int batch = s.batchSize() != null ? s.batchSize() : 0;
        return Optional.of(Workload.batches((double) s.poolSize() * perRound,
                (double) s.poolSize() * s.validateBatches(), batch));
    }

    @Override
    public Architecture select(SelectionContext ctx, ZeroCostPtSettings s) {
        ArchState arch = ctx.supernet().arch();
        Map<String, int[]> initial = copy(arch.decisions());
        int batch = s.batchSize() != null ? s.batchSize() : ctx.batchSize();
        Path log = ctx.workDir().resolve("decisions.jsonl");
        Map<String, Double> counters = new LinkedHashMap<>(ctx.restoreProgress(Map.of()).orElse(Map.of()));
        int roundsDone = counters.getOrDefault("rounds_done", 0.0).intValue();
        int validated = counters.getOrDefault("validated", 0.0).intValue();
        SelectionLog history = SelectionLog.resume(log, roundsDone, validated);
        Progress progress = ctx.progress();
        int steps = steps(arch);
        progress.start("select-zero-cost-pt", (long) s.poolSize() * steps + (long) s.poolSize() * s.validateBatches(),
                (long) roundsDone * steps + (long) validated * s.validateBatches());
        SimpleProxy proxy = Proxies.of(s.proxy(), "proxy");
        for (int r = roundsDone; r < s.poolSize(); r++) {
            Rng rng = Rng.derive(ctx.seed(), "zero-cost-pt/round-" + r);
            arch.clearMasks();
            arch.restoreDecisions(copy(initial));
            freshAlpha(arch, s.alphaStd(), rng);
            new Round(ctx, s, proxy, batch, rng, r, log, progress).run();
            Architecture candidate = Derivation.derive(arch);
            history.candidate(r, ctx.format(candidate), arch.decisions());
            ctx.saveProgress(Map.of(), Map.of("rounds_done", (double) (r + 1)));
        }
        List<SelectionLog.Candidate> distinct = history.distinct();
        long netSeed = Rng.derive(ctx.seed(), "zero-cost-pt/validate-init").nextLong();
        Map<String, Double> saved = new LinkedHashMap<>(Map.of("rounds_done", (double) s.poolSize()));
        for (int i = 0; i < validated; i++) {
            saved.put("score_" + i, counters.get("score_" + i));
        }
        for (int i = validated; i < distinct.size(); i++) {
            SelectionLog.Candidate c = distinct.get(i);
            arch.restoreDecisions(copy(c.decisions()));
            Architecture a = Derivation.derive(arch);
            double total = 0;
            Rng batches = Rng.derive(ctx.seed(), "zero-cost-pt/validate-data"); // the same batches for every candidate
            try (NDManager m = ctx.manager().newSubManager();
                    Network net = ctx.network(a, new Rng(netSeed), m)) {
                for (int b = 0; b < s.validateBatches(); b++) {
                    try (NDManager pass = m.newSubManager(); Batch x = trainBatch(ctx.data().train(), batch, batches, pass)) {
                        total += score(proxy, net, x);
                    }
                    progress.advance(1, "validating candidate " + (i + 1) + "/" + distinct.size());
                }
            }
            history.validation(c, total, s.validateBatches());
            saved.put("score_" + i, total);
            saved.put("validated", (double) (i + 1));
            ctx.saveProgress(Map.of(), saved);
        }
        int best = 0;
        for (int i = 1; i < distinct.size(); i++) {
            if (saved.get("score_" + i) > saved.get("score_" + best)) {
                best = i;
            }
        }
        arch.clearMasks();
        arch.restoreDecisions(copy(distinct.get(best).decisions()));
        Architecture chosen = Derivation.derive(arch);
        history.choice(distinct.get(best), saved.get("score_" + best), distinct.size());
        return chosen;
    }

    /** NASWOT on running statistics, as the repository's scorer; every other proxy as it scores on its own. */
    static double score(SimpleProxy proxy, Network net, Batch batch) {
        return proxy instanceof Naswot n ? n.score(net, batch, false) : proxy.score(net, batch, NONE);
    }

    /** Decision steps of a round: one per edge of the cell type with the most, then one per open node. */
    static int steps(ArchState arch) {
        int edges = 0;
        int nodes = 0;
        for (CellType c : arch.cellTypes()) {
            edges = Math.max(edges, arch.undecidedEdges(c.name()).size());
            nodes = Math.max(nodes, Round.openNodes(c, arch).size());
        }
        return edges + nodes;
    }

    static Batch trainBatch(ImageSet train, int size, Rng rng, NDManager m) {
        int n = Math.min(size, train.size());
        return train.batch(Arrays.copyOf(rng.permutation(train.size()), n), Augmentation.NONE, rng, m);
    }

    private static void freshAlpha(ArchState arch, double std, Rng rng) {
        for (CellType c : arch.cellTypes()) {
            var alpha = arch.alpha(c.name());
            float[] v = new float[(int) alpha.getShape().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (std * rng.nextGaussian());
            }
            alpha.set(v);
        }
    }

    private static Map<String, int[]> copy(Map<String, int[]> d) {
        Map<String, int[]> out = new LinkedHashMap<>();
        d.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** One round's decisions on the supernet. */
    private static final class Round {

        private final SelectionContext ctx;
        private final ZeroCostPtSettings s;
        private final SimpleProxy proxy;
        private final int batch;
        private final Rng rng;
        private final int round;
        private final Path log;
        private final Progress progress;
        private final ArchState arch;

        Round(SelectionContext ctx, ZeroCostPtSettings s, SimpleProxy proxy, int batch, Rng rng, int round, Path log,
                Progress progress) {
            this.ctx = ctx;
            this.s = s;
            this.proxy = proxy;
            this.batch = batch;
            this.rng = rng;
            this.round = round;
            this.log = log;
            this.progress = progress;
            this.arch = ctx.supernet().arch();
        }

        void run() {
            List<CellType> cells = arch.cellTypes();
            while (cells.stream().anyMatch(c -> !arch.undecidedEdges(c.name()).isEmpty())) {
                try (NDManager pass = ctx.manager().newSubManager(); Batch x = trainBatch(ctx.data().train(), batch, rng, pass)) {
                    for (CellType c : cells) {
                        List<Integer> open = arch.undecidedEdges(c.name());
                        if (!open.isEmpty()) {
                            decideOp(c, next(open), x);
                        }
                    }
                }
                progress.advance(1, "round " + (round + 1) + "/" + s.poolSize());
            }
            while (cells.stream().anyMatch(c -> !openNodes(c, arch).isEmpty())) {
                try (NDManager pass = ctx.manager().newSubManager(); Batch x = trainBatch(ctx.data().train(), batch, rng, pass)) {
                    for (CellType c : cells) {
                        List<Integer> open = openNodes(c, arch);
                        if (!open.isEmpty()) {
                            decideTopology(c, open.get(rng.nextInt(open.size())), x);
                        }
                    }
                }
                progress.advance(1, "round " + (round + 1) + "/" + s.poolSize());
            }
        }

        private int next(List<Integer> open) {
            return switch (s.edgeOrder()) {
                case "order" -> open.get(0);
                case "reverse" -> open.get(open.size() - 1);
                default -> open.get(rng.nextInt(open.size()));
            };
        }

        /** Nodes whose inputs are still to be chosen: more incoming edges than they keep, none removed yet. */
        static List<Integer> openNodes(CellType c, ArchState arch) {
            return c.prunableNodes().stream().filter(n -> c.incoming(n).stream()
                    .allMatch(e -> arch.decision(c.name(), e) != ArchState.REMOVED)).toList();
        }

        private double scoreNow(Batch x) {
            return score(proxy, ctx.supernet(), x);
        }

        private void decideOp(CellType c, int e, Batch x) {
            int k = c.opCount();
            double[] score = new double[k];
            boolean[] active = new boolean[k];
            try (NDManager pass = ctx.manager().newSubManager()) {
                var w = arch.mixingWeights(pass);
                for (int op = 0; op < k; op++) {
                    active[op] = w.active(c.name(), e, op);
                }
            }
            Double unmasked = null;
            for (int op = 0; op < k; op++) {
                if (c.ops(e).get(op).equals("none") || !active[op]) {
                    // masking changes nothing the network computes
                    unmasked = unmasked == null ? scoreNow(x) : unmasked;
                    score[op] = unmasked;
                } else {
                    arch.mask(c.name(), e, op);
                    try {
                        score[op] = scoreNow(x);
                    } finally {
                        arch.clearMasks();
                    }
                }
            }
            int keep = 0;
            for (int op = 1; op < k; op++) {
                if (score[op] < score[keep]) {
                    keep = op;
                }
            }
            arch.fixOp(c.name(), e, keep);
            List<Map<String, Object>> candidates = new ArrayList<>();
            for (int op = 0; op < k; op++) {
                candidates.add(ordered("op", c.ops(e).get(op), "score_after_masking", finite(score[op])));
            }
            DecisionLog.append(log, DecisionLog.line().put("round", round).put("cell", c.name()).put("kind", "op")
                    .put("edge", e).put("from", c.edges().get(e).from()).put("to", c.edges().get(e).to())
                    .put("criterion", "lowest " + proxy.id() + " after masking").put("candidates", candidates)
                    .put("choice", c.ops(e).get(keep)));
        }

        private void decideTopology(CellType c, int node, Batch x) {
            List<Integer> in = c.incoming(node);
            Map<Integer, Double> score = new LinkedHashMap<>();
            for (int e : in) {
                arch.maskEdge(c.name(), e);
                try {
                    score.put(e, scoreNow(x));
                } finally {
                    arch.clearMasks();
                }
            }
            List<Integer> order = new ArrayList<>(in);
            order.sort((a, b) -> Double.compare(score.get(a), score.get(b)));
            List<Integer> kept = new ArrayList<>(order.subList(0, c.inputsPerNode()));
            List<Integer> dropped = new ArrayList<>(order.subList(c.inputsPerNode(), order.size()));
            dropped.forEach(e -> arch.removeEdge(c.name(), e));
            List<Map<String, Object>> candidates = new ArrayList<>();
            for (int e : in) {
                candidates.add(ordered("edge", e, "from", c.edges().get(e).from(), "score_after_removal",
                        finite(score.get(e))));
            }
            kept.sort(null);
            DecisionLog.append(log, DecisionLog.line().put("round", round).put("cell", c.name()).put("kind", "topology")
                    .put("node", node).put("criterion", "keep the " + c.inputsPerNode() + " lowest " + proxy.id()
                            + " after removal").put("candidates", candidates).put("kept", kept).put("dropped", dropped));
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** JSON has no infinity: a singular NASWOT kernel is written as a string. */
    static Object finite(double v) {
        return Double.isFinite(v) ? v : (Object) Double.toString(v);
    }
}
