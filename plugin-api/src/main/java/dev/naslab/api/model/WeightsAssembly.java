package dev.naslab.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Builds {@link MixingWeights} from an {@link ArchState}'s rows, decisions and masks: the one place
 * where decided rows become constants, masks zeros, a hard choice its straight-through terms and
 * edge weights their decided-edge ones.
 */
final class WeightsAssembly {

    private WeightsAssembly() {
    }

    static MixingWeights assemble(ArchState state, NDManager pass, BiFunction<String, NDArray, NDArray> rows,
            Map<String, int[]> chosen, Function<String, NDArray> edgeWeights) {
        Map<String, NDArray> edgeMap = edgeWeights == null ? null : new LinkedHashMap<>();
        Map<String, NDArray> w = new LinkedHashMap<>();
        Map<String, boolean[][]> active = new LinkedHashMap<>();
        Map<String, boolean[][]> unit = new LinkedHashMap<>();
        Map<String, float[][]> values = new LinkedHashMap<>();
        Map<String, NDArray> straight = new LinkedHashMap<>();
        for (CellType c : state.cellTypes()) {
            int edges = c.edges().size();
            int ops = c.opCount();
            int[] d = state.decisionRow(c.name());
            int[] pick = chosen == null ? null : chosen.get(c.name());
            boolean[][] m = state.maskOf(c.name());
            boolean[][] act = new boolean[edges][ops];
            boolean[][] one = new boolean[edges][ops];
            float[] keep = new float[edges * ops];
            float[] fixed = new float[edges * ops];
            float[] through = pick == null ? null : new float[edges * ops];
            boolean plain = pick == null;
            for (int e = 0; e < edges; e++) {
                if (pick != null && d[e] == ArchState.UNDECIDED && (pick[e] < 0 || pick[e] >= ops)) {
                    throw new IllegalArgumentException("chosen op " + pick[e] + " of edge " + e + " of " + c.name()
                            + " is not an op index below " + ops);
                }
                for (int k = 0; k < ops; k++) {
                    boolean undecided = d[e] == ArchState.UNDECIDED;
                    boolean on = undecided ? !m[e][k] && (pick == null || pick[e] == k) : d[e] == k && !m[e][k];
                    act[e][k] = on;
                    one[e][k] = !undecided && on;
                    keep[e * ops + k] = undecided && on ? 1f : 0f;
                    fixed[e * ops + k] = one[e][k] ? 1f : 0f;
                    if (through != null) {
                        through[e * ops + k] = undecided && !m[e][k] && pick[e] != k ? 1f : 0f;
                    }
                    plain &= undecided && on;
                }
            }
            NDArray p = rows.apply(c.name(), state.view(state.alpha(c.name()), pass));
            if (pick != null) {
                float[] oneHot = new float[edges * ops];
                for (int e = 0; e < edges; e++) {
                    if (d[e] == ArchState.UNDECIDED) {
                        oneHot[e * ops + pick[e]] = 1f;
                    }
                }
                // value: the one-hot row; gradient: that of p (straight-through)
                p = pass.create(oneHot, new Shape(edges, ops)).sub(p.stopGradient()).add(p);
                if (state.isTrainable()) {
                    straight.put(c.name(), p.mul(pass.create(through, new Shape(edges, ops))).sum(new int[] {1}));
                }
            }
            if (!plain) {
                NDArray keepArr = pass.create(keep, new Shape(edges, ops));
                NDArray fixedArr = pass.create(fixed, new Shape(edges, ops));
                p = p.mul(keepArr).add(fixedArr);
            }
            if (edgeMap != null) {
                float[] undecided = new float[edges];
                float[] decided = new float[edges];
                for (int e = 0; e < edges; e++) {
                    undecided[e] = d[e] == ArchState.UNDECIDED ? 1f : 0f;
                    decided[e] = 1f - undecided[e];
                }
                NDArray ew = edgeWeights.apply(c.name()).mul(pass.create(undecided)).add(pass.create(decided));
                edgeMap.put(c.name(), state.isTrainable() ? ew : pass.create(ew.toFloatArray()));
            }
            w.put(c.name(), p);
            active.put(c.name(), act);
            unit.put(c.name(), one);
            if (!state.isTrainable()) {
                float[] flat = p.toFloatArray();
                float[][] rowValues = new float[edges][];
                for (int e = 0; e < edges; e++) {
                    rowValues[e] = Arrays.copyOfRange(flat, e * ops, (e + 1) * ops);
                }
                values.put(c.name(), rowValues);
            }
        }
        return new MixingWeights(w, active, unit, state.isTrainable() ? null : values, straight.isEmpty() ? null : straight,
                edgeMap, 0f);
    }
}
