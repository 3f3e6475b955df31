package dev.naslab.api.train;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.Supernet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Second-order DARTS hypergradient (Liu et al. 2019, eq. 7–8): with the virtual step
 * {@code w' = w − ξ(μ·m + ∇w L_tr(w, α) + λw)},
 * {@code g_α = ∇α L_val(w', α) − ξ·(∇α L_tr(w⁺, α) − ∇α L_tr(w⁻, α))/(2r)} where
 * {@code w± = w ± r·v}, {@code v = ∇w' L_val(w', α)}, {@code r = 0.01/‖v‖}. Neither engine exposes
 * second derivatives, so the Hessian-vector product is the finite difference, as in the paper.
 * The weights are restored in place afterwards; α's gradient holds {@code g_α}. Shared by every
 * optimizer whose α step is DARTS's (DARTS, SDARTS, SGAS with {@code order: second}).
 *
 * @since 0.2
 */
public final class UnrolledHypergradient {

    private UnrolledHypergradient() {
    }

    /**
     * Computes {@code g_α} into the gradients of α and returns the validation pass at w'.
     *
     * @param sgd the weight optimizer, whose momentum buffers and weight decay the virtual step replays
     * @param xi  the virtual step's learning rate (the current weight learning rate)
     * @param net the supernet
     * @param train a training batch
     * @param valid a validation batch
     * @return loss and accuracy of the validation batch at w'
     */
    public static PassResult hypergradient(Supernet net, Sgd sgd, float xi, Batch train, Batch valid) {
        Map<String, NDArray> weights = net.params().weights();
        Map<String, NDArray> alphas = net.arch().alphas();
        List<NDArray> backup = new ArrayList<>();
        List<NDArray> v = new ArrayList<>();
        Map<String, NDArray> dAlpha = new LinkedHashMap<>();
        try {
            for (NDArray w : weights.values()) {
                backup.add(w.duplicate());
            }
            // gradient of the training loss at w, then the virtual step to w'
            net.arch().setTrainable(false);
            Grads.zero(weights.values());
            Passes.backward(x -> net.forward(x, true), train);
            for (Map.Entry<String, NDArray> e : weights.entrySet()) {
                NDArray w = e.getValue();
                try (NDArray g = w.getGradient(); NDArray decay = w.mul(sgd.weightDecay())) {
                    g.addi(decay);
                    NDArray buf = sgd.buffer(e.getKey());
                    if (buf != null) {
                        try (NDArray m = buf.mul(sgd.momentum())) {
                            g.addi(m);
                        }
                    }
                    try (NDArray step = g.mul(xi)) {
                        w.subi(step);
                    }
                }
            }
            // ∇α and ∇w' of the validation loss at w'
            net.arch().setTrainable(true);
            Grads.zero(weights.values());
            Grads.zero(alphas.values());
            PassResult val = Passes.backward(x -> net.forward(x, true), valid);
            for (Map.Entry<String, NDArray> e : alphas.entrySet()) {
                try (NDArray g = e.getValue().getGradient()) {
                    dAlpha.put(e.getKey(), g.duplicate());
                }
            }
            double sq = 0;
            for (NDArray w : weights.values()) {
                try (NDArray g = w.getGradient(); NDArray s = g.square(); NDArray sum = s.sum()) {
                    v.add(g.duplicate());
                    sq += sum.getFloat();
                }
            }
            float r = (float) (0.01 / Math.sqrt(sq));
            Map<String, NDArray> plus = alphaGradientAt(net, backup, v, r, train);
            Map<String, NDArray> minus = alphaGradientAt(net, backup, v, -r, train);
            for (Map.Entry<String, NDArray> e : alphas.entrySet()) {
                String k = e.getKey();
                try (NDArray g = e.getValue().getGradient(); NDArray diff = plus.get(k).sub(minus.get(k))) {
                    diff.muli(xi / (2 * r));
                    g.muli(0f).addi(dAlpha.get(k)).subi(diff);
                }
                plus.get(k).close();
                minus.get(k).close();
            }
            return val;
        } finally {
            int i = 0;
            for (NDArray w : weights.values()) {
                if (i < backup.size()) {
                    w.muli(0f).addi(backup.get(i));
                }
                i++;
            }
            net.params().setTrainable(true);
            net.arch().setTrainable(true);
            backup.forEach(NDArray::close);
            v.forEach(NDArray::close);
            dAlpha.values().forEach(NDArray::close);
        }
    }

    /** ∇α L_tr at w = backup + scale·v (weights not differentiated). */
    private static Map<String, NDArray> alphaGradientAt(Supernet net, List<NDArray> backup, List<NDArray> v,
            float scale, Batch train) {
        int i = 0;
        for (NDArray w : net.params().weights().values()) {
            try (NDArray d = v.get(i).mul(scale)) {
                w.muli(0f).addi(backup.get(i)).addi(d);
            }
            i++;
        }
        net.params().setTrainable(false);
        Grads.zero(net.arch().alphas().values());
        Passes.backward(x -> net.forward(x, true), train);
        net.params().setTrainable(true);
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : net.arch().alphas().entrySet()) {
            try (NDArray g = e.getValue().getGradient()) {
                out.put(e.getKey(), g.duplicate());
            }
        }
        return out;
    }
}
