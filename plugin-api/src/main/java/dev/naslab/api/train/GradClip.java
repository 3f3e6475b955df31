package dev.naslab.api.train;

import ai.djl.ndarray.NDArray;
import java.util.Collection;

/** Global L2-norm gradient clipping, as {@code torch.nn.utils.clip_grad_norm_}. */
public final class GradClip {

    private GradClip() {
    }

    /**
     * Scales all gradients by {@code max/(norm+1e-6)} when the global norm exceeds {@code max}.
     *
     * @return the global norm before clipping (NaN if a gradient is NaN)
     * @param params the weights by name
     * @param max the clip threshold
     */
    public static float globalNorm(Collection<NDArray> params, float max) {
        NDArray acc = null;
        for (NDArray w : params) {
            try (NDArray g = w.getGradient(); NDArray sq = g.square()) {
                NDArray s = sq.sum();
                if (acc == null) {
                    acc = s;
                } else {
                    acc.addi(s);
                    s.close();
                }
            }
        }
        if (acc == null) {
            return 0f;
        }
        float norm = (float) Math.sqrt(acc.getFloat());
        acc.close();
        float coef = max / (norm + 1e-6f);
        if (coef < 1f) {
            for (NDArray w : params) {
                try (NDArray g = w.getGradient()) {
                    g.muli(coef);
                }
            }
        }
        return norm;
    }
}
