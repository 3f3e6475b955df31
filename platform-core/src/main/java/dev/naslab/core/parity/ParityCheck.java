package dev.naslab.core.parity;

/**
 * One comparison between two engines.
 *
 * @param what        what was compared, e.g. {@code supernet logits}
 * @param relative    the largest difference between the engines, relative to the reference engine's scale
 *                    (see {@link TensorDiff})
 * @param sensitivity how far the reference engine's own result moves when its input is nudged by
 *                    {@link EngineParity#NUDGE} (relative, measured the same way): the size of
 *                    difference float32 rounding alone can cause here
 * @param tolerance   the largest relative difference allowed
 * @param worst       where the largest difference is (a parameter name), or empty
 */
public record ParityCheck(String what, double relative, double sensitivity, double tolerance, String worst) {

    /** Logits: 1e-4 relative. */
    public static final double LOGITS = 1e-4;
    /** Gradients, and weights and α after an iteration: 1e-3 relative. */
    public static final double GRADIENTS = 1e-3;

    /** How a comparison came out. */
    public enum Verdict {
        /** Within tolerance. */
        OK,
        /** Outside tolerance although the quantity is stable under rounding-sized changes: the engines differ. */
        FAILED,
        /**
         * Outside tolerance, but the reference engine alone moves by a tenth of the tolerance or more
         * under a rounding-sized nudge (ReLU and max-pool kinks, BatchNorm over few values): the
         * comparison cannot tell an engine difference from rounding at this size.
         */
        INCONCLUSIVE
    }

    /** The verdict (NaN is never within tolerance). */
    public Verdict verdict() {
        if (relative <= tolerance) {
            return Verdict.OK;
        }
        return sensitivity > tolerance / 10 ? Verdict.INCONCLUSIVE : Verdict.FAILED;
    }
}
