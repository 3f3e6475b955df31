package dev.naslab.core.parity;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Differences between the same tensors computed by two engines. A tensor's difference is its
 * largest absolute difference divided by its largest absolute reference value, so values near zero
 * do not blow up the measure; a group of tensors (all gradients of a network) is judged tensor by
 * tensor, with the scale floored at 1e-3 of the group's largest value so that a parameter whose
 * gradient is almost zero is judged against the group's scale instead of its own.
 */
final class TensorDiff {

    private TensorDiff() {
    }

    /** max|a − b| / max|a| (0 when both are all zero; NaN when either has a NaN). */
    static double relative(float[] reference, float[] other) {
        return relative(reference, other, 0);
    }

    static double relative(float[] reference, float[] other, double floor) {
        if (reference.length != other.length) {
            return Double.NaN;
        }
        double diff = 0;
        double scale = floor;
        for (int i = 0; i < reference.length; i++) {
            double a = reference[i];
            double b = other[i];
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return Double.NaN;
            }
            diff = Math.max(diff, Math.abs(a - b));
            scale = Math.max(scale, Math.abs(a));
        }
        return diff == 0 ? 0 : diff / scale;
    }

    /** Largest absolute value over a group. */
    static double maxAbs(Map<String, float[]> group) {
        double m = 0;
        for (float[] v : group.values()) {
            for (float x : v) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    /** The comparison of a group: worst tensor between the engines, and the reference's own sensitivity. */
    static ParityCheck judge(String what, double tolerance, Map<String, float[]> reference, Map<String, float[]> other,
            Map<String, float[]> nudged) {
        Worst diff = worst(reference, other);
        return new ParityCheck(what, diff.relative, worst(reference, nudged).relative, tolerance, diff.where);
    }

    record Worst(double relative, String where) {
    }

    /** The worst tensor of a group, named. */
    static Worst worst(Map<String, float[]> reference, Map<String, float[]> other) {
        double floor = 1e-3 * maxAbs(reference);
        double worst = 0;
        String where = "";
        for (var e : reference.entrySet()) {
            float[] o = other.get(e.getKey());
            double d = o == null ? Double.NaN : relative(e.getValue(), o, floor);
            if (Double.isNaN(d) || d > worst) {
                worst = d;
                where = e.getKey();
                if (Double.isNaN(d)) {
                    break;
                }
            }
        }
        return new Worst(worst, where);
    }

    static float[] values(NDArray a) {
        return a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    }
}
