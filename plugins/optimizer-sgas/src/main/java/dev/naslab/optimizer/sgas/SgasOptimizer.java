package dev.naslab.optimizer.sgas;

import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.results.DecisionLog;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.BilevelSteps;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Sgd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * SGAS (Li, Qian, Delgadillo, Müller, Thabet, Ghanem: "SGAS: Sequential Greedy Architecture
 * Search", CVPR 2020, arXiv 1912.00195). DARTS iterations, and at the end of decision epochs
 * (after {@code warmup_dec_epoch}, every {@code decision_freq}) one greedy decision per cell type:
 * the undecided edge with the best score ({@link SgasScores}) gets its strongest non-{@code none}
 * op with weight 1 and its α frozen; a node that has its inputs prunes its other edges. The batch
 * grows after every decision. On NAS-Bench-201 (nodes keep every input) every edge is decided and
 * nothing is pruned: naslab's adaptation (spaces-and-optimizers.md §E.5), not a reproduction.
 */
@Extension
public final class SgasOptimizer implements SearchOptimizer<SgasSettings> {

    static final String WEIGHTS = dev.naslab.api.search.SearchStates.WEIGHT_OPTIMIZER;
    static final String ALPHA = dev.naslab.api.search.SearchStates.ALPHA_OPTIMIZER;
    static final String HISTORY = "sgas-history";

    @Override
    public String id() {
        return "sgas";
    }

    @Override
    public Class<SgasSettings> settingsClass() {
        return SgasSettings.class;
    }

    @Override
    public String description() {
        return "SGAS: greedy edge decisions (criterion 1 or 2), growing batch; adapted on NAS-Bench-201";
    }

    /** Without the cell types: the DARTS space's 8 decisions (the host passes the cell types). */
    @Override
    public SearchSchedule schedule(SgasSettings s) {
        return new SearchSchedule(s.epochs(8), s.batchSize());
    }

    @Override
    public SearchSchedule schedule(SgasSettings s, List<CellType> cellTypes) {
        return new SearchSchedule(s.epochs(decisions(cellTypes)), s.batchSize());
    }

    /** One decision per kept edge: 2 per node in the DARTS space (8), every edge where nodes keep all (6 on NB201). */
    static int decisions(List<CellType> cellTypes) {
        int most = 0;
        for (CellType c : cellTypes) {
            int kept = 0;
            for (int node : c.nodes()) {
                int in = c.incoming(node).size();
                kept += c.inputsPerNode() == 0 ? in : Math.min(in, c.inputsPerNode());
            }
            most = Math.max(most, kept);
        }
        return most;
    }

    @Override
    public void begin(SearchState state, SgasSettings s) {
        Supernet net = state.supernet();
        state.register(WEIGHTS, s.weightOptimizer(net, state.manager()));
        state.register(ALPHA, s.architectureOptimizer(net, state.manager()));
        state.register(HISTORY, new History(s.historySize(), state.manager()));
    }

    @Override
    public void step(SearchState state, SgasSettings s, Batch train, Batch valid) {
        Supernet net = state.supernet();
        Sgd sgd = state.registered(WEIGHTS, Sgd.class);
        Adam adam = state.registered(ALPHA, Adam.class);
        float lr = s.learningRate(state.epoch(), state.epochs());
        PassResult v = BilevelSteps.alphaStep(net, adam, sgd, s.order().equals("second"), lr, train, valid);
        PassResult t = BilevelSteps.weightStep(net, sgd, lr, s.gradClip().floatValue(), train, true);
        state.record("valid_loss", v.loss());
        state.record("valid_acc", v.accuracy());
        state.record("train_loss", t.loss());
        state.record("train_acc", t.accuracy());
        state.record("lr", lr);
        state.record("batch_size", state.batchSize());
    }

    @Override
    public void onEpochEnd(SearchState state, SgasSettings s) {
        ArchState arch = state.arch();
        History history = state.registered(HISTORY, History.class);
        Adam adam = state.registered(ALPHA, Adam.class);
        boolean decided = false;
        for (CellType c : arch.cellTypes()) {
            float[][] p = softmax(arch.alphaValues(c.name()));
            int[] none = new int[p.length];
            for (int e = 0; e < p.length; e++) {
                none[e] = c.opIndex(e, "none");
            }
            SgasScores scores = new SgasScores(p, none, history.of(c.name()), s.criterion());
            history.push(c.name(), scores.q);
            List<Integer> open = arch.undecidedEdges(c.name());
            if (!s.decides(state.epoch()) || open.isEmpty()) {
                continue;
            }
            int best = open.get(0);
            for (int e : open) {
                if (scores.score[e] > scores.score[best]) {
                    best = e;
                }
            }
            int op = dev.naslab.api.select.Derivation.argmax(p[best], none[best]);
            arch.fixOp(c.name(), best, op);
            adam.freezeRows(c.name(), best);
            List<Integer> pruned = prune(c, arch, adam);
            log(state, s, c, scores, open, best, op, pruned);
            decided = true;
        }
        if (decided) {
            state.setBatchSize(state.batchSize() + s.batchIncrease());
        }
    }

    /** Removes (and freezes) the undecided edges of every node that has all the inputs it keeps. */
    static List<Integer> prune(CellType c, ArchState arch, Adam adam) {
        List<Integer> pruned = new ArrayList<>();
        if (c.inputsPerNode() == 0) {
            return pruned;
        }
        for (int node : c.nodes()) {
            List<Integer> in = c.incoming(node);
            long kept = in.stream().filter(e -> arch.decision(c.name(), e) >= 0).count();
            if (kept >= c.inputsPerNode()) {
                for (int e : in) {
                    if (arch.decision(c.name(), e) == ArchState.UNDECIDED) {
                        arch.removeEdge(c.name(), e);
                        adam.freezeRows(c.name(), e);
                        pruned.add(e);
                    }
                }
            }
        }
        return pruned;
    }

    private static void log(SearchState state, SgasSettings s, CellType c, SgasScores scores, List<Integer> open,
            int best, int op, List<Integer> pruned) {
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int e : open) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("edge", e);
            m.put("importance", scores.importance[e]);
            m.put("certainty", scores.certainty[e]);
            if (s.criterion() == 2) {
                m.put("stability", scores.stability[e]);
            }
            m.put("score", scores.score[e]);
            candidates.add(m);
        }
        Edge edge = c.edges().get(best);
        DecisionLog.append(state.workDir().resolve("decisions.jsonl"), DecisionLog.line().put("epoch", state.epoch() + 1)
                .put("cell", c.name()).put("edge", best).put("from", edge.from()).put("to", edge.to())
                .put("op", c.ops(best).get(op)).put("criterion", s.criterion()).put("candidates", candidates)
                .put("pruned", pruned).put("next_batch_size", state.batchSize() + s.batchIncrease())
                .put("variant", c.inputsPerNode() == 0
                        ? "adapted: every edge decided, nothing pruned (SGAS has no reference on spaces whose nodes keep all inputs)"
                        : "reference"));
    }

    static float[][] softmax(float[][] alpha) {
        float[][] p = new float[alpha.length][];
        for (int e = 0; e < alpha.length; e++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : alpha[e]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            double[] ex = new double[alpha[e].length];
            for (int k = 0; k < ex.length; k++) {
                ex[k] = Math.exp(alpha[e][k] - max);
                sum += ex[k];
            }
            p[e] = new float[ex.length];
            for (int k = 0; k < ex.length; k++) {
                p[e][k] = (float) (ex[k] / sum);
            }
        }
        return p;
    }
}
