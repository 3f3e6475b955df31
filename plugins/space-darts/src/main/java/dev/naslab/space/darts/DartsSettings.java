package dev.naslab.space.darts;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import java.util.List;
import java.util.Map;

/**
 * Settings of the DARTS space.
 *
 * @param channels     C of the search supernet's first cells (doubled at each reduction); default 16
 * @param layers       cells of the search supernet; default 8 (reductions at ⌊L/3⌋ and ⌊2L/3⌋)
 * @param ops          candidate ops: a named set — {@code darts} (8 ops with {@code none}, DARTS and
 *                     SGAS; default), {@code s5} (the 7 without {@code none}, SDARTS and DARTS-PT),
 *                     {@code s1}–{@code s4} (RobustDARTS) — or a list of op names
 * @param evalChannels C of the discrete network trained by evaluators; default 36
 * @param evalLayers   cells of the discrete network; default 20
 */
public record DartsSettings(
        @Setting("C of the search supernet's first cells (doubled at each reduction)") Integer channels,
        @Setting("cells of the search supernet") Integer layers,
        @Setting("candidate ops: a named set (darts: 8 with none; s5: 7 without; s1-s4: RobustDARTS) or a list of op names") Object ops,
        @Setting("C of the discrete network trained by evaluators") Integer evalChannels,
        @Setting("cells of the discrete network") Integer evalLayers) {

    public DartsSettings {
        channels = atMost("channels", SettingException.positive("channels", channels == null ? 16 : channels),
                MAX_CHANNELS);
        layers = atMost("layers", SettingException.positive("layers", layers == null ? 8 : layers), MAX_LAYERS);
        ops = ops == null ? "darts" : ops;
        try {
            OpSets.resolve(ops);
        } catch (IllegalArgumentException e) {
            throw new SettingException("ops", e.getMessage());
        }
        evalChannels = atMost("eval_channels", SettingException.positive("eval_channels",
                evalChannels == null ? 36 : evalChannels), MAX_CHANNELS);
        evalLayers = atMost("eval_layers", SettingException.positive("eval_layers",
                evalLayers == null ? 20 : evalLayers), MAX_LAYERS);
    }

    /** Bounds that keep every array size of the networks far from 32-bit overflow. */
    static final int MAX_CHANNELS = 512;
    static final int MAX_LAYERS = 100;

    private static int atMost(String key, int value, int max) {
        if (value > max) {
            throw new SettingException(key, "must be at most " + max + " (larger networks overflow array sizes), got "
                    + value);
        }
        return value;
    }

    /** The candidates of every edge, by cell type. */
    Map<String, List<List<String>>> edgeOps() {
        return OpSets.resolve(ops);
    }
}
