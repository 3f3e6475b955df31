package dev.naslab.space.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.nn.BatchNorm2d;
import dev.naslab.api.nn.NetworkProbe;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.nn.ReluConvBn;
import dev.naslab.api.base.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DARTS search cell: every edge mixes its candidates with the cell type's weights; all BNs are
 * non-affine and each pooling op is followed by a BN, as in the reference supernet.
 *
 * <p>The edges leaving one state are computed together, one op kind at a time: the kind's
 * parametric ops of all those edges run as one wider op ({@link DilConv} explains why each edge
 * still computes exactly its own op), on the state's ReLU tiled once per edge; pooling (with its
 * non-affine BN, which has no parameters, so every edge's BN gives the same output) and identity
 * are computed once and broadcast. The convolutions' mixing weights are folded into their final
 * BatchNorm as a per-channel scale (the search cell's BNs have no γ of its own); the other kinds'
 * outputs are weighted by one broadcast multiply with the edges' mixing weights. This does the reference's arithmetic with a fraction of its operator
 * calls, which dominate the time of small supernets. A kind is skipped when its weight is exactly
 * 0 on every edge leaving the state ({@code none}, masked or decided away); in hard mode
 * ({@link MixingWeights#straightThrough}) a kind runs when any edge leaving the state chose it.
 * {@code PerEdgeSearchCell} in the tests is the one-op-per-edge version this is checked against.
 *
 * <p>With partial channels (k &gt; 1, PC-DARTS) every state's ops see its first C/k channels; each
 * edge's mixture is concatenated with the bypassed channels (max-pooled 2×2 on a stride-2 edge) and
 * shuffled ({@link Ops#partialChannelOutput}), then multiplied by the edge's own weight when the mixing
 * gives one ({@link MixingWeights#edgeWeight}). An edge with nothing to mix (no active op but
 * {@code none}: removed, masked, or decided {@code none}) contributes nothing, bypass included.
 */
final class SearchCell {

    private final String type;
    private final boolean reduction;
    private final FactorizedReduce reducePre0;
    private final ReluConvBn convPre0;
    private final ReluConvBn pre1;
    private final Source[] sources = new Source[2 + DartsCell.STEPS - 1];
    /** k: the ops see channels / k of their input. */
    private final int partial;
    private final List<List<String>> edgeOps;
    private final ParamStore ps;
    /** Whether the supernet has DARTS−'s auxiliary skip connections. */
    private final boolean auxiliary;
    /** Their factorized reductions on the stride-2 edges, one stacked per state (null elsewhere). */
    private final FactorizedReduce[] auxiliaryReduce = new FactorizedReduce[2];

    SearchCell(ParamStore ps, String name, String type, List<List<String>> edgeOps, Macro.CellPlan plan,
            SupernetOptions options, Rng rng) {
        this.ps = ps;
        this.partial = options.partialChannels();
        this.auxiliary = options.auxiliarySkip();
        this.edgeOps = edgeOps;
        this.type = type;
        this.reduction = plan.reduction();
        int c = plan.channels();
        if (plan.reductionPrev()) {
            reducePre0 = new FactorizedReduce(ps, name + ".preprocess0", plan.prevPrev(), c, 1, false, rng);
            convPre0 = null;
        } else {
            reducePre0 = null;
            convPre0 = new ReluConvBn(ps, name + ".preprocess0", plan.prevPrev(), c, 1, 1, 0, false, rng);
        }
        pre1 = new ReluConvBn(ps, name + ".preprocess1", plan.prev(), c, 1, 1, 0, false, rng);
        for (int from = 0; from < sources.length; from++) {
            sources[from] = new Source(ps, name + ".state" + from, from, c / partial, DartsCell.stride(reduction, from),
                    edgeOps, rng);
        }
        if (auxiliary && reduction) {
            // the reference's FactorizedReduce(C, C, affine=False) in every stride-2 MixedOp, stacked per state
            for (int from = 0; from < 2; from++) {
                auxiliaryReduce[from] = new FactorizedReduce(ps, name + ".state" + from + ".auxiliary_skip", c, c,
                        sources[from].fanOut(), false, rng);
            }
        }
    }

    NDArray forward(NDArray s0, NDArray s1, MixingWeights w, boolean training) {
        NDArray[] states = new NDArray[2 + DartsCell.STEPS];
        NDArray[][] edgeOut = new NDArray[sources.length][];
        NDArray r0 = Ops.relu(s0);
        states[0] = reducePre0 != null ? reducePre0.forwardActivated(r0, training) : convPre0.forwardActivated(r0, training);
        states[1] = pre1.forward(s1, training);
        NDArray beta = auxiliaryWeight(s1, w);
        NDArray[][] auxOut = new NDArray[sources.length][];
        for (int to = 2; to < states.length; to++) {
            NDList terms = new NDList();
            NDArray straight = null;
            for (int from = 0; from < to; from++) {
                NDArray st = w.straightThrough(type, DartsCell.edge(to, from));
                if (st != null) {
                    straight = straight == null ? st : straight.add(st);
                }
                if (edgeOut[from] == null) {
                    NDArray in = partial == 1 ? states[from] : Ops.partialChannelInput(states[from], partial);
                    edgeOut[from] = sources[from].forward(in, w, type, training, ps);
                }
                NDArray term = edgeOut[from][Source.slot(from, to)];
                // a stacked kind also fills the slots of edges it has weight 0 on: harmless zeros, except that
                // with partial channels an edge with nothing to mix must not pass its bypass on either
                if (term != null && (partial == 1 || mixes(w, DartsCell.edge(to, from)))) {
                    terms.add(edgeOutput(term, states[from], w, DartsCell.edge(to, from)));
                }
                if (beta != null && w.edgeActive(type, DartsCell.edge(to, from))) {
                    if (auxOut[from] == null) {
                        auxOut[from] = auxiliarySkips(from, states[from], training);
                    }
                    terms.add(auxOut[from][Source.slot(from, to)].mul(beta));
                }
            }
            states[to] = !terms.isEmpty() ? Ops.sum(terms) : OpFactory.zeros(states[1], reduction ? 2 : 1);
            if (straight != null) {
                states[to] = states[to].add(straight); // hard mode: the uncomputed ops' gradient path
            }
        }
        return NDArrays.concat(new NDList(states[2], states[3], states[4], states[5]), 1);
    }

    /** β of the auxiliary skip connections as an array of the pass, or null when the pass has none. */
    private NDArray auxiliaryWeight(NDArray x, MixingWeights w) {
        if (w.auxiliarySkip() == 0) {
            return null;
        }
        if (!auxiliary) {
            throw new IllegalStateException("mixing weights with auxiliary skip connections, but this supernet was "
                    + "built without them (SupernetOptions.auxiliarySkip)");
        }
        // an array, not mul(Number): autograd reads the factor after the call (the API's mul(Number) rule)
        return x.getManager().create(w.auxiliarySkip());
    }

    /** The auxiliary skip of every edge leaving state {@code from}: the state itself, or its own reduction. */
    private NDArray[] auxiliarySkips(int from, NDArray state, boolean training) {
        int fanOut = sources[from].fanOut();
        NDArray[] out = new NDArray[fanOut];
        if (DartsCell.stride(reduction, from) == 1) {
            java.util.Arrays.fill(out, state);
            return out;
        }
        NDArray reduced = auxiliaryReduce[from].forwardActivated(Ops.relu(state), training);
        NDList parts = Ops.split(reduced, fanOut, 1);
        for (int slot = 0; slot < fanOut; slot++) {
            out[slot] = parts.get(slot);
        }
        return out;
    }

    /** Whether any op of edge e other than {@code none} is active. */
    private boolean mixes(MixingWeights w, int e) {
        List<String> ops = edgeOps.get(e);
        for (int k = 0; k < ops.size(); k++) {
            if (w.active(type, e, k) && !ops.get(k).equals("none")) {
                return true;
            }
        }
        return false;
    }

    /** One edge's mixture on partial channels made whole again and weighted by its edge's weight. */
    private NDArray edgeOutput(NDArray mixed, NDArray state, MixingWeights w, int e) {
        NDArray y = partial == 1 ? mixed : Ops.partialChannelOutput(mixed, state, partial);
        return w.hasEdgeWeights(type) ? y.mul(w.edgeWeight(type, e)) : y;
    }

    /** The edges leaving one state, grouped by op kind. */
    private static final class Source {

        private final int from;
        private final int stride;
        private final int channels;
        private final int fanOut;
        private final List<Stack> stacks = new ArrayList<>();
        private BatchNorm2d maxBn;
        private BatchNorm2d avgBn;

        Source(ParamStore ps, String name, int from, int c, int stride, List<List<String>> edgeOps, Rng rng) {
            this.from = from;
            this.stride = stride;
            this.channels = c;
            this.fanOut = 2 + DartsCell.STEPS - Math.max(2, from + 1);
            Map<String, List<int[]>> byOp = new LinkedHashMap<>();
            for (int slot = 0; slot < fanOut; slot++) {
                int e = DartsCell.edge(slot + Math.max(2, from + 1), from);
                List<String> cand = edgeOps.get(e);
                for (int k = 0; k < cand.size(); k++) {
                    byOp.computeIfAbsent(cand.get(k), o -> new ArrayList<>()).add(new int[] {slot, e, k});
                }
            }
            int columns = edgeOps.get(0).size();
            byOp.forEach((op, members) -> {
                stacks.add(new Stack(ps, name, op, members, fanOut, columns, c, stride, rng));
                if (op.equals("max_pool_3x3")) {
                    maxBn = new BatchNorm2d(ps, name + ".max_pool_3x3.bn", c, false);
                }
                if (op.equals("avg_pool_3x3")) {
                    avgBn = new BatchNorm2d(ps, name + ".avg_pool_3x3.bn", c, false);
                }
            });
        }

        /** {@return how many edges leave this state} */
        int fanOut() {
            return fanOut;
        }

        /** Position of edge from → to among the edges leaving {@code from}. */
        static int slot(int from, int to) {
            return to - Math.max(2, from + 1);
        }

        /** The mixed output of every edge leaving this state (null where nothing contributes). */
        NDArray[] forward(NDArray x, MixingWeights w, String type, boolean training, ParamStore ps) {
            NDArray matrix = w.matrix(type);
            NDArray relu = null;
            Map<Integer, NDArray> tiled = new java.util.HashMap<>();
            NDArray full = null;
            NDArray[] out = new NDArray[fanOut];
            // the reference's supernet has a ReLU module in each such op of each outgoing edge, run whatever its weight
            int reluModules = stacks.stream().filter(s -> !s.op.equals("none") && !s.op.equals("noise")
                    && s.layer != null).mapToInt(Stack::size).sum();
            boolean everyOp = NetworkProbe.current() != null && NetworkProbe.current().everyOp();
            for (Stack s : stacks) {
                if (s.op.equals("none") || !s.active(w, type) && !everyOp) {
                    continue;
                }
                NDArray y;
                boolean weighted = false;
                switch (s.op) {
                    case "noise" -> y = OpFactory.noise(x, stride, s.size());
                    case "max_pool_3x3" -> y = maxBn.forward(OpFactory.maxPool(x, stride), training).expandDims(1);
                    case "avg_pool_3x3" -> y = avgBn.forward(OpFactory.avgPool(x, stride, ps), training).expandDims(1);
                    default -> {
                        if (s.layer == null) {
                            y = x.expandDims(1); // skip_connect at stride 1
                        } else {
                            if (relu == null) {
                                relu = Ops.relu(x, reluModules);
                            }
                            NDArray r = relu;
                            NDArray in = OpFactory.isConvolution(s.op)
                                    ? tiled.computeIfAbsent(s.size(), n -> n == 1 ? r : r.tile(new long[] {1, n, 1, 1})) : relu;
                            NDArray flat;
                            if (s.layer instanceof OpFactory.Scalable scalable) {
                                flat = scalable.apply(in, training, s.channelWeights(matrix, channels));
                                weighted = true;
                            } else {
                                flat = s.layer.apply(in, training);
                            }
                            Shape f = flat.getShape();
                            y = flat.reshape(f.get(0), s.size(), channels, f.get(2), f.get(3));
                        }
                    }
                }
                NDArray term = weighted ? y : y.mul(s.weights(matrix));
                if (s.full) {
                    full = full == null ? term : full.add(term);
                } else {
                    NDList parts = Ops.split(term, s.size(), 1);
                    for (int i = 0; i < s.size(); i++) {
                        NDArray p = parts.get(i).squeeze(1);
                        int slot = s.slots[i];
                        out[slot] = out[slot] == null ? p : out[slot].add(p);
                    }
                }
            }
            if (relu == null && reluModules > 0 && NetworkProbe.current() != null) {
                NetworkProbe.current().reluInput(x, reluModules);
            }
            if (full != null) {
                NDList parts = Ops.split(full, fanOut, 1);
                for (int slot = 0; slot < fanOut; slot++) {
                    NDArray p = parts.get(slot).squeeze(1);
                    out[slot] = out[slot] == null ? p : p.add(out[slot]);
                }
            }
            return out;
        }
    }

    /** One op kind on some of the edges leaving a state (all of them unless candidates differ per edge). */
    private static final class Stack {

        final String op;
        final int[] slots;
        final int[] edges;
        final int[] columns;
        final boolean full;
        final OpFactory.Activated layer;
        private final long[] flatIndex;

        Stack(ParamStore ps, String name, String op, List<int[]> members, int fanOut, int columnCount, int c, int stride,
                Rng rng) {
            this.op = op;
            int n = members.size();
            slots = new int[n];
            edges = new int[n];
            columns = new int[n];
            flatIndex = new long[n];
            boolean all = n == fanOut;
            for (int i = 0; i < n; i++) {
                slots[i] = members.get(i)[0];
                edges[i] = members.get(i)[1];
                columns[i] = members.get(i)[2];
                flatIndex[i] = (long) edges[i] * columnCount + columns[i];
                all &= slots[i] == i;
            }
            full = all;
            layer = OpFactory.build(ps, name, op, c, n, stride, false, rng);
        }

        int size() {
            return slots.length;
        }

        boolean active(MixingWeights w, String type) {
            for (int i = 0; i < edges.length; i++) {
                if (w.active(type, edges[i], columns[i])) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The members' mixing weights once per channel, n·C in copy-major order: the scale the
         * stacked convolution's BatchNorm applies, so the weighting costs no separate multiply.
         */
        NDArray channelWeights(NDArray matrix, int c) {
            NDArray idx = matrix.getManager().create(flatIndex);
            return matrix.reshape(-1).take(idx).reshape(slots.length, 1).repeat(1, c).reshape(-1);
        }

        /** The members' mixing weights shaped 1 × n × 1 × 1 × 1, to broadcast over N × n × C × H × W. */
        NDArray weights(NDArray matrix) {
            NDArray idx = matrix.getManager().create(flatIndex);
            return matrix.reshape(-1).take(idx).reshape(1, slots.length, 1, 1, 1);
        }
    }
}
