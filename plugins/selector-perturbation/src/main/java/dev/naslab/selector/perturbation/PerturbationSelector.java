package dev.naslab.selector.perturbation;

import dev.naslab.api.ArchitectureSelector;
import dev.naslab.api.base.Progress;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.results.DecisionLog;
import dev.naslab.api.select.Derivation;
import dev.naslab.api.select.SelectionContext;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.base.Rng;
import dev.naslab.api.train.Stateful;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Perturbation-based architecture selection, DARTS-PT (Wang, Cheng, Chen, Tang, Hsieh:
 * "Rethinking Architecture Selection in Differentiable NAS", ICLR 2021, arXiv 2108.04392).
 *
 * <p>An op's strength is the drop in supernet validation accuracy when the op is masked (its
 * mixing weight set to 0, the row not renormalised), not the size of its α. Edge by edge, in a
 * random (seeded) or explicit order, every candidate op is masked in turn and the supernet is
 * scored on the whole validation split (BatchNorm on batch statistics, no gradients); the op whose
 * removal hurts most is kept. Spaces whose nodes keep k inputs then drop, node by node, the edges
 * whose removal hurts least. Between decisions the supernet is tuned for a few epochs. Every
 * decision goes to {@code decisions.jsonl}; progress is saved after every round, so an
 * interrupted selection resumes. Edges and nodes the search already decided (SGAS) are kept as they
 * are; when nothing is left, the selection says so and returns the search's architecture.
 *
 * <p>Scoring is deterministic here (validation batches in order, no augmentation), so an op whose
 * removal leaves the supernet unchanged ({@code none}, or a weight of exactly 0) gets the unmasked
 * score without another pass, and the reference's repeated single-edge rounds of topology
 * selection, which only re-draw evaluation noise, reduce to one scoring pass per edge.
 */
@Extension
public final class PerturbationSelector implements ArchitectureSelector<PerturbationSettings> {

    @Override
    public String id() {
        return "perturbation";
    }

    @Override
    public Class<PerturbationSettings> settingsClass() {
        return PerturbationSettings.class;
    }

    @Override
    public String description() {
        return "DARTS-PT: keep the op whose masking drops supernet accuracy most; tune_alpha: false for fix-alpha";
    }

    /**
     * On an undecided supernet: one validation pass per candidate op of every edge and per incoming
     * edge of every node with a topology choice, and the tuning epochs of {@link DecisionSchedule}.
     * (An op that is {@code none} or already zero shares the unmasked pass, so this is an upper bound.)
     */
    @Override
    public java.util.Optional<dev.naslab.api.plan.Workload> workload(PerturbationSettings s, List<CellType> cells) {
        double passes = 0;
        for (CellType c : cells) {
            passes += (double) c.edges().size() * c.opCount();
            for (int n : c.prunableNodes()) {
                passes += c.incoming(n).size();
            }
        }
        DecisionSchedule schedule = DecisionSchedule.forCells(cells, c -> c.edges().size(), CellType::prunableNodes,
                s.tuneEpochs());
        return java.util.Optional.of(dev.naslab.api.plan.Workload.selection(schedule.tunedEpochs(), passes));
    }

    @Override
    public Architecture select(SelectionContext ctx, PerturbationSettings s) {
        ArchState arch = ctx.supernet().arch();
        List<CellType> cells = arch.cellTypes();
        for (String key : s.edgeOrder().keySet()) {
            if (cells.stream().noneMatch(c -> c.name().equals(key))) {
                throw new IllegalArgumentException("edge_order names cell type '" + key + "'; this space has "
                        + cells.stream().map(CellType::name).toList());
            }
        }
        Map<String, List<Integer>> edgeOrder = new LinkedHashMap<>();
        Map<String, List<Integer>> nodeOrder = new LinkedHashMap<>();
        for (CellType c : cells) {
            edgeOrder.put(c.name(), edgeOrder(c, s, ctx.seed()));
            List<Integer> nodes = new ArrayList<>(openNodes(c, arch));
            int[] perm = Rng.derive(ctx.seed(), "topology-order/" + c.name()).permutation(nodes.size());
            List<Integer> shuffled = new ArrayList<>();
            for (int p : perm) {
                shuffled.add(nodes.get(p));
            }
            nodeOrder.put(c.name(), shuffled);
        }
        DecisionSchedule schedule = DecisionSchedule.forCells(cells, c -> arch.undecidedEdges(c.name()).size(),
                c -> openNodes(c, arch), s.tuneEpochs());
        int rounds = schedule.rounds();
        Path log = ctx.workDir().resolve("decisions.jsonl");
        if (rounds == 0) {
            // e.g. after a complete SGAS search: every edge has its op and every node its inputs
            if (!java.nio.file.Files.exists(log)) {
                DecisionLog.append(log, DecisionLog.line().put("note",
                        "nothing left to decide: the search decided every edge and node; the architecture is the search's"));
            }
            ctx.progress().start("select-perturbation", 1, 1);
            return Derivation.derive(arch);
        }
        Tuner tuner = schedule.tunedEpochs() > 0 ? new Tuner(ctx, s) : null;
        if (tuner != null) {
            writeTuning(ctx, s, tuner);
        }
        Map<String, Stateful> states = tuner == null ? Map.of() : tuner.states();
        int done = 0;
        Optional<Map<String, Double>> resumed = ctx.restoreProgress(states);
        if (resumed.isPresent()) {
            done = resumed.get().get("rounds_done").intValue();
        }
        Progress progress = ctx.progress();
        int steps = tuner == null ? 0 : tuner.stepsPerEpoch();
        long total = rounds + (long) schedule.tunedEpochs() * steps;
        long already = done;
        for (int r = 0; r < done; r++) {
            already += (long) schedule.gapAfter(r) * steps;
        }
        progress.start("select-perturbation", total, already);
        for (int r = done; r < rounds; r++) {
            for (CellType c : cells) {
                decide(ctx, s, c, r, edgeOrder.get(c.name()), nodeOrder.get(c.name()), log);
            }
            progress.advance(1, "decision " + (r + 1) + "/" + rounds);
            for (int e = 0; e < schedule.gapAfter(r); e++) {
                tuner.epoch(progress, "tuning after decision " + (r + 1) + "/" + rounds);
            }
            ctx.saveProgress(states, Map.of("rounds_done", (double) (r + 1)));
        }
        return Derivation.derive(arch);
    }

    /** What the tuning runs with and where it came from, in {@code tuning.json} next to the decisions. */
    private static void writeTuning(SelectionContext ctx, PerturbationSettings s, Tuner tuner) {
        String json = String.format(java.util.Locale.ROOT, "{\"weights_lr\": %s, \"weights_lr_from\": \"%s\", "
                + "\"alpha_lr\": %s, \"alpha_optimizer\": \"%s\"}%n", tuner.lr(), s.tuneLr() != null
                ? "tune_lr setting" : "search lr / 10", Float.isNaN(tuner.alphaLr()) ? "null" : tuner.alphaLr(),
                s.tuneAlpha() ? "the search's Adam, its state and hyper-parameters" : "none (fix alpha)");
        try {
            java.nio.file.Files.writeString(ctx.workDir().resolve("tuning.json"), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + ctx.workDir().resolve("tuning.json"), e);
        }
    }

    /** One round for one cell type: an op decision while edges remain, then topology decisions. */
    private void decide(SelectionContext ctx, PerturbationSettings s, CellType c, int round, List<Integer> edges,
            List<Integer> nodes, Path log) {
        ArchState arch = ctx.supernet().arch();
        for (int e : edges) {
            if (arch.decision(c.name(), e) == ArchState.UNDECIDED) {
                decideOp(ctx, s, c, e, round, log);
                return;
            }
        }
        for (int n : nodes) {
            if (openNodes(c, arch).contains(n)) {
                decideTopology(ctx, s, c, n, round, log);
                return;
            }
        }
    }

    /** Nodes whose inputs are still to be chosen: more incoming edges than they keep, none removed yet. */
    static List<Integer> openNodes(CellType c, ArchState arch) {
        return c.prunableNodes().stream().filter(n -> c.incoming(n).stream()
                .allMatch(e -> arch.decision(c.name(), e) != ArchState.REMOVED)).toList();
    }

    private void decideOp(SelectionContext ctx, PerturbationSettings s, CellType c, int e, int round, Path log) {
        ArchState arch = ctx.supernet().arch();
        int k = c.opCount();
        double[] acc = new double[k];
        double[] loss = new double[k];
        float[] row = arch.strengths(c.name())[e];
        // an op the evaluation mixing gives weight 0 (a decided row; GDAS's argmax form) scores as unmasked
        boolean[] active = new boolean[k];
        try (ai.djl.ndarray.NDManager pass = ctx.manager().newSubManager()) {
            dev.naslab.api.model.MixingWeights w = arch.mixingWeights(pass);
            for (int op = 0; op < k; op++) {
                active[op] = w.active(c.name(), e, op);
            }
        }
        PassResult unmasked = null;
        for (int op = 0; op < k; op++) {
            PassResult r;
            if (c.ops(e).get(op).equals("none") || !active[op]) {
                unmasked = unmasked == null ? ctx.evaluateValid(s.scoring()) : unmasked;
                r = unmasked;
            } else {
                arch.mask(c.name(), e, op);
                try {
                    r = ctx.evaluateValid(s.scoring());
                } finally {
                    arch.clearMasks();
                }
            }
            acc[op] = r.accuracy();
            loss[op] = r.loss();
        }
        int keep = Choice.opToKeep(acc, loss, s.byAccuracy());
        arch.fixOp(c.name(), e, keep);
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int op = 0; op < k; op++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("op", c.ops(e).get(op));
            m.put("weight", row[op]);
            m.put("valid_acc_after_masking", acc[op]);
            m.put("valid_loss_after_masking", loss[op]);
            candidates.add(m);
        }
        Edge edge = c.edges().get(e);
        DecisionLog.append(log, DecisionLog.line().put("round", round).put("cell", c.name()).put("kind", "op")
                .put("edge", e).put("from", edge.from()).put("to", edge.to()).put("criterion", s.criterion())
                .put("candidates", candidates).put("choice", c.ops(e).get(keep)));
    }

    private void decideTopology(SelectionContext ctx, PerturbationSettings s, CellType c, int node, int round,
            Path log) {
        ArchState arch = ctx.supernet().arch();
        List<Integer> in = c.incoming(node);
        int edges = c.edges().size();
        double[] acc = new double[edges];
        double[] loss = new double[edges];
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int e : in) {
            arch.maskEdge(c.name(), e);
            PassResult r;
            try {
                r = ctx.evaluateValid(s.scoring());
            } finally {
                arch.clearMasks();
            }
            acc[e] = r.accuracy();
            loss[e] = r.loss();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("edge", e);
            m.put("from", c.edges().get(e).from());
            m.put("valid_acc_after_removal", acc[e]);
            m.put("valid_loss_after_removal", loss[e]);
            candidates.add(m);
        }
        List<Integer> remaining = new ArrayList<>(in);
        List<Integer> dropped = new ArrayList<>();
        while (remaining.size() > c.inputsPerNode()) {
            int[] cand = remaining.stream().mapToInt(Integer::intValue).toArray();
            Integer drop = Choice.edgeToDrop(cand, acc, loss, s.byAccuracy());
            remaining.remove(drop);
            dropped.add(drop);
        }
        for (int e : dropped) {
            arch.removeEdge(c.name(), e);
        }
        DecisionLog.append(log, DecisionLog.line().put("round", round).put("cell", c.name()).put("kind", "topology")
                .put("node", node).put("criterion", s.criterion()).put("candidates", candidates)
                .put("kept", remaining).put("dropped", dropped));
    }

    /** The explicit order of a cell type's op decisions, or a seeded random one. */
    static List<Integer> edgeOrder(CellType c, PerturbationSettings s, long seed) {
        int n = c.edges().size();
        List<Integer> given = s.edgeOrder().get(c.name());
        if (given != null) {
            List<Integer> sorted = new ArrayList<>(given);
            java.util.Collections.sort(sorted);
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(i);
            }
            if (!sorted.equals(all)) {
                throw new IllegalArgumentException("edge_order for cell type '" + c.name() + "' must list each of its "
                        + n + " edges (0.." + (n - 1) + ") once, got " + given);
            }
            return List.copyOf(given);
        }
        List<Integer> out = new ArrayList<>();
        for (int p : Rng.derive(seed, "edge-order/" + c.name()).permutation(n)) {
            out.add(p);
        }
        return out;
    }
}
