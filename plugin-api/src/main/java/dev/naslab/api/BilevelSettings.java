package dev.naslab.api;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.train.Adam;
import dev.naslab.api.train.Schedules;
import dev.naslab.api.train.Sgd;
import dev.naslab.api.model.Supernet;

/**
 * The settings every DARTS-family search optimizer shares, defined once: the weights' SGD ({@code lr}
 * cosine-annealed to {@code lr_min}, {@code momentum}, {@code weight_decay}, {@code grad_clip}) and the
 * architecture's Adam ({@code arch_lr}, {@code arch_beta1}, {@code arch_beta2}, {@code arch_weight_decay}).
 * An optimizer's settings record declares these components, fills its reference's defaults through the
 * {@code check…} methods (the keys' names and allowed ranges live here) and {@code implements
 * BilevelSettings}; its {@code begin} then builds both optimizers with {@link #weightOptimizer} and
 * {@link #architectureOptimizer}.
 *
 * @since 0.3
 */
public interface BilevelSettings {

    /** {@return the weight learning rate at epoch 0 ({@code lr})} */
    Double lr();

    /** {@return the final weight learning rate of the cosine schedule ({@code lr_min})} */
    Double lrMin();

    /** {@return SGD's momentum ({@code momentum})} */
    Double momentum();

    /** {@return SGD's weight decay ({@code weight_decay})} */
    Double weightDecay();

    /** {@return the global gradient-norm clip of the weights, 0 for none ({@code grad_clip})} */
    Double gradClip();

    /** {@return Adam's learning rate of the architecture parameters ({@code arch_lr})} */
    Double archLr();

    /** {@return Adam's β1 ({@code arch_beta1})} */
    Double archBeta1();

    /** {@return Adam's β2 ({@code arch_beta2})} */
    Double archBeta2();

    /** {@return Adam's weight decay of the architecture parameters ({@code arch_weight_decay})} */
    Double archWeightDecay();

    /**
     * {@return SGD over the supernet's weights with these settings' momentum, weight decay and base rate}
     *
     * @param net the supernet
     * @param manager where the optimizer's state lives (the search state's manager)
     */
    default Sgd weightOptimizer(Supernet net, NDManager manager) {
        return new Sgd(net.params().weights(), momentum().floatValue(), weightDecay().floatValue(), manager)
                .withBaseLr(lr().floatValue());
    }

    /**
     * {@return Adam over every trainable architecture array ({@link dev.naslab.api.model.ArchState#trainables})}
     * α is keyed by its cell type's name, so SGAS's {@code freezeRows} and DARTS-PT's tuning, which continues the
     * search's α optimizer, find their rows and moments.
     *
     * @param net the supernet
     * @param manager where the optimizer's state lives
     */
    default Adam architectureOptimizer(Supernet net, NDManager manager) {
        return new Adam(net.arch().trainables(), archLr().floatValue(), archBeta1().floatValue(), archBeta2().floatValue(), 1e-8f,
                archWeightDecay().floatValue(), manager);
    }

    /**
     * {@return the weight learning rate of {@code epoch}: cosine from {@code lr} to {@code lr_min}}
     *
     * @param epoch the epoch, 0-based
     * @param epochs the search's epochs
     */
    default float learningRate(int epoch, int epochs) {
        return Schedules.cosine(lr().floatValue(), lrMin().floatValue(), epoch, epochs);
    }

    /**
     * {@return {@code lr}, or its default; in (0, 10]}
     *
     * @param value the setting as written, or null
     * @param dflt the optimizer's reference default
     */
    static double checkLr(Double value, double dflt) {
        return SettingException.range("lr", value == null ? dflt : value, 0, 10, true);
    }

    /**
     * {@return {@code lr_min}, or its default; in [0, lr]}
     *
     * @param value the setting as written, or null
     * @param dflt the optimizer's reference default
     * @param lr the checked {@code lr}
     */
    static double checkLrMin(Double value, double dflt, double lr) {
        return SettingException.range("lr_min", value == null ? dflt : value, 0, lr, false);
    }

    /**
     * {@return {@code momentum}, or its default; in [0, 0.999]}
     *
     * @param value the setting as written, or null
     * @param dflt the optimizer's reference default
     */
    static double checkMomentum(Double value, double dflt) {
        return SettingException.range("momentum", value == null ? dflt : value, 0, 0.999, false);
    }

    /**
     * {@return {@code weight_decay}, or its default; in [0, 1]}
     *
     * @param value the setting as written, or null
     * @param dflt the optimizer's reference default
     */
    static double checkWeightDecay(Double value, double dflt) {
        return SettingException.range("weight_decay", value == null ? dflt : value, 0, 1, false);
    }

    /**
     * {@return {@code grad_clip}, or its default; in [0, 1e6], 0 for no clipping}
     *
     * @param value the setting as written, or null
     * @param dflt the optimizer's reference default
     */
    static double checkGradClip(Double value, double dflt) {
        return SettingException.range("grad_clip", value == null ? dflt : value, 0, 1e6, false);
    }

    /**
     * {@return {@code arch_lr}, or its default; in (0, 1]}
     *
     * @param value the setting as written, or null
     * @param dflt the optimizer's reference default
     */
    static double checkArchLr(Double value, double dflt) {
        return SettingException.range("arch_lr", value == null ? dflt : value, 0, 1, true);
    }

    /**
     * {@return {@code arch_beta1}, or its default; in [0, 0.9999]}
     *
     * @param value the setting as written, or null
     * @param dflt the optimizer's reference default
     */
    static double checkArchBeta1(Double value, double dflt) {
        return SettingException.range("arch_beta1", value == null ? dflt : value, 0, 0.9999, false);
    }

    /**
     * {@return {@code arch_beta2}, or its default; in [0, 0.99999]}
     *
     * @param value the setting as written, or null
     * @param dflt the optimizer's reference default
     */
    static double checkArchBeta2(Double value, double dflt) {
        return SettingException.range("arch_beta2", value == null ? dflt : value, 0, 0.99999, false);
    }

    /**
     * {@return {@code key} (the architecture's Adam weight decay, {@code arch_weight_decay} unless the method
     * names it otherwise), or its default; in [0, 1]}
     *
     * @param key the YAML key
     * @param value the setting as written, or null
     * @param dflt the optimizer's reference default
     */
    static double checkArchWeightDecay(String key, Double value, double dflt) {
        return SettingException.range(key, value == null ? dflt : value, 0, 1, false);
    }
}
