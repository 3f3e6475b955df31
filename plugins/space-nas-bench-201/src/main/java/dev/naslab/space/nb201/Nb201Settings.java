package dev.naslab.space.nb201;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;

/**
 * Settings of the NAS-Bench-201 space.
 *
 * @param channels      channels of the first stage (doubled at each of the two reductions);
 *                      default 16
 * @param cellsPerStage search cells per stage (N); default 5
 */
public record Nb201Settings(
        @Setting("channels of the first stage (doubled at each of the two reductions)") Integer channels,
        @Setting("search cells per stage (N)") Integer cellsPerStage) {

    public Nb201Settings {
        channels = SettingException.positive("channels", channels == null ? 16 : channels);
        cellsPerStage = SettingException.positive("cells_per_stage", cellsPerStage == null ? 5 : cellsPerStage);
    }
}
