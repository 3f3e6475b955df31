package dev.naslab.space.darts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.naslab.api.model.AbstractSupernet;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batched {@link SearchCell} against {@link PerEdgeSearchCell}, one op object per edge, with
 * the same weights: same logits and α gradients, also with masked ops and decided edges.
 */
class BatchedSearchCellTest {

    /** The per-edge supernet: DartsSupernet's macro with reference cells. */
    static final class PerEdgeSupernet extends AbstractSupernet {
        final Macro macro;
        final List<PerEdgeSearchCell> cells = new ArrayList<>();

        PerEdgeSupernet(DartsSettings s, List<CellType> types, int k, NDManager m) {
            super(new ParamStore(m), new ArchState(types, m, new Rng(9), 1e-3f));
            Rng rng = new Rng(5);
            macro = new Macro(params(), 1, s.channels(), s.layers(), 10, rng);
            for (Macro.CellPlan plan : macro.plans()) {
                CellType t = types.get(plan.reduction() ? 1 : 0);
                cells.add(new PerEdgeSearchCell(params(), "cells." + plan.index(), t.name(), t.edgeOps(), plan, k, rng));
            }
        }

        @Override
        public NDArray forward(NDArray x, MixingWeights w, boolean training) {
            NDArray s0 = macro.stem(x, training);
            NDArray s1 = s0;
            for (PerEdgeSearchCell cell : cells) {
                NDArray out = cell.forward(s0, s1, w, training);
                s0 = s1;
                s1 = out;
            }
            return macro.classify(s1);
        }
    }

    private static final Pattern EDGE_PARAM = Pattern.compile("cells\\.(\\d+)\\.edge(\\d+)\\.([a-z_0-9]+)\\.(.*)");

    /** Copies every weight of the batched net into the per-edge one (each edge's rows of the stack). */
    static void copyWeights(Supernet batched, PerEdgeSupernet ref, List<CellType> types, int layers) {
        Map<String, NDArray> src = batched.params().weights();
        for (Map.Entry<String, NDArray> p : ref.params().weights().entrySet()) {
            NDArray dst = p.getValue();
            NDArray from = src.get(p.getKey());
            Matcher m = EDGE_PARAM.matcher(p.getKey());
            if (from == null && m.matches()) {
                int cell = Integer.parseInt(m.group(1));
                int e = Integer.parseInt(m.group(2));
                String op = m.group(3);
                int source = DartsCell.edges().get(e).from();
                CellType t = types.get(DartsCell.isReduction(cell, layers) ? 1 : 0);
                int member = 0;
                for (int to = Math.max(2, source + 1); to < DartsCell.edges().get(e).to(); to++) {
                    member += t.ops(DartsCell.edge(to, source)).contains(op) ? 1 : 0;
                }
                NDArray stack = src.get("cells." + cell + ".state" + source + "." + op + "." + m.group(4));
                long rows = dst.getShape().get(0);
                from = stack.get(new NDIndex((member * rows) + ":" + ((member + 1) * rows)));
            }
            assertTrue(from != null, "no batched weight for " + p.getKey());
            assertEquals(dst.getShape(), from.getShape(), p.getKey());
            dst.muli(0).addi(from);
        }
        for (String c : List.of("normal", "reduce")) {
            ref.arch().alpha(c).muli(0).addi(batched.arch().alpha(c));
        }
    }

    /** k &gt; 1: partial channels (PC-DARTS) with edge weights, which differ per edge. */
    @ParameterizedTest
    @CsvSource({"darts, 1", "s1, 1", "s3, 1", "darts, 2", "s3, 4"})
    void batchedCellsComputeWhatPerEdgeCellsCompute(String ops, int k) {
        DartsSettings s = new DartsSettings(k == 4 ? 8 : 4, 3, ops, null, null);
        DartsSpace space = new DartsSpace();
        List<CellType> types = space.cellTypes(s);
        try (NDManager m = NDManager.newBaseManager();
                Supernet batched = space.supernet(s, new InputShape(1, 8, 8), 10, new SupernetOptions(k), new Rng(0), m);
                PerEdgeSupernet ref = new PerEdgeSupernet(s, types, k, m)) {
            assertEquals(ref.params().count(), batched.params().count());
            copyWeights(batched, ref, types, 3);
            // random α so that every op has a distinct weight
            Rng r = new Rng(3);
            for (String c : List.of("normal", "reduce")) {
                long n = batched.arch().alpha(c).getShape().size();
                float[] a = new float[(int) n];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) r.nextGaussian();
                }
                NDArray v = m.create(a, batched.arch().alpha(c).getShape());
                batched.arch().alpha(c).muli(0).addi(v);
                ref.arch().alpha(c).muli(0).addi(v);
            }
            edgeWeights = k == 1 ? null : new float[DartsCell.EDGES];
            for (int e = 0; edgeWeights != null && e < edgeWeights.length; e++) {
                edgeWeights[e] = 0.3f + 0.05f * e;
            }
            compare(batched, ref, m, "plain");
            for (Supernet net : List.of(batched, ref)) {
                net.arch().mask("normal", 3, 1);
                net.arch().fixOp("normal", 5, 1);
                net.arch().fixOp("reduce", 0, 0);
                net.arch().removeEdge("reduce", 9);
            }
            compare(batched, ref, m, "masked and decided");
        }
    }

    private float[] edgeWeights;

    private void compare(Supernet batched, Supernet ref, NDManager m, String what) {
        NDArray x = m.randomNormal(new Shape(3, 1, 8, 8));
        float[][] logits = new float[2][];
        float[][][] grads = new float[2][2][];
        List<Supernet> nets = List.of(batched, ref);
        for (int i = 0; i < 2; i++) {
            Supernet net = nets.get(i);
            try (NDManager pass = m.newSubManager(); GradientCollector gc = pass.getEngine().newGradientCollector()) {
                NDArray in = x.duplicate();
                in.attach(pass);
                MixingWeights w = net.arch().mixingWeights(pass);
                if (edgeWeights != null) {
                    w = w.withEdgeWeights(Map.of("normal", pass.create(edgeWeights), "reduce",
                            pass.create(edgeWeights).mul(2)));
                }
                NDArray out = net.forward(in, w, true);
                gc.backward(out.mul(out).sum());
                logits[i] = out.toFloatArray();
                grads[i][0] = net.arch().alpha("normal").getGradient().toFloatArray();
                grads[i][1] = net.arch().alpha("reduce").getGradient().toFloatArray();
                net.arch().alpha("normal").getGradient().muli(0);
                net.arch().alpha("reduce").getGradient().muli(0);
            }
        }
        assertClose(logits[1], logits[0], 1e-4, what + ": logits");
        assertClose(grads[1][0], grads[0][0], 1e-3, what + ": normal alpha gradient");
        assertClose(grads[1][1], grads[0][1], 1e-3, what + ": reduce alpha gradient");
    }

    private static void assertClose(float[] expected, float[] actual, double rel, String what) {
        double scale = 0;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * Math.max(scale, 1e-3), what + " [" + i + "]");
        }
    }
}
