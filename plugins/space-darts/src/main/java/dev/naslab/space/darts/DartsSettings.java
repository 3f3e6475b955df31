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
        channels = SettingException.positive("channels", channels == null ? 16 : channels);
        layers = SettingException.positive("layers", layers == null ? 8 : layers);
        ops = ops == null ? "darts" : ops;
        try {
            OpSets.resolve(ops);
        } catch (IllegalArgumentException e) {
            throw new SettingException("ops", e.getMessage());
        }
        evalChannels = SettingException.positive("eval_channels", evalChannels == null ? 36 : evalChannels);
        evalLayers = SettingException.positive("eval_layers", evalLayers == null ? 20 : evalLayers);
    }

    /** The candidates of every edge, by cell type. */
    Map<String, List<List<String>>> edgeOps() {
        return OpSets.resolve(ops);
    }
}
