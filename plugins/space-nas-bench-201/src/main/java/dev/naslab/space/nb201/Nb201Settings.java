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

    /** Bounds that keep every array size of the network far from 32-bit overflow. */
    static final int MAX_CHANNELS = 1024;
    static final int MAX_CELLS_PER_STAGE = 64;

    public Nb201Settings {
        channels = atMost("channels", SettingException.positive("channels", channels == null ? 16 : channels),
                MAX_CHANNELS);
        cellsPerStage = atMost("cells_per_stage", SettingException.positive("cells_per_stage",
                cellsPerStage == null ? 5 : cellsPerStage), MAX_CELLS_PER_STAGE);
    }

    private static int atMost(String key, int value, int max) {
        if (value > max) {
            throw new SettingException(key, "must be at most " + max + " (larger networks overflow array sizes), got "
                    + value);
        }
        return value;
    }
}
