package dev.naslab.api;

/**
 * Thrown by a settings record's compact constructor for a value it cannot accept; the host
 * reports it as {@code <component path>.<key>: <message>} with the experiment file's name.
 */
public final class SettingException extends IllegalArgumentException {

    /** The setting's key. */
    private final String key;

    /**
     * @param key     the YAML key, in snake_case as the user wrote it
     * @param message what is wrong and what is allowed, e.g. "must be a positive integer, got -3"
     */
    public SettingException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** {@return the setting's key as written in YAML (snake_case)} */
    public String key() {
        return key;
    }

    /** {@return what is wrong and what is allowed} */
    public String reason() {
        String m = getMessage();
        return m.substring(key.length() + 2);
    }

    /**
     * Requires {@code value ≥ 1}.
     *
     * @param key the setting's key as written in YAML
     * @param value the value as bound
     * @return the value
     */
    public static int positive(String key, int value) {
        if (value < 1) {
            throw new SettingException(key, "must be a positive integer, got " + value);
        }
        return value;
    }

    /**
     * Requires {@code value ≥ 0}.
     *
     * @param key the setting's key as written in YAML
     * @param value the value as bound
     * @return the value
     */
    public static int nonNegative(String key, int value) {
        if (value < 0) {
            throw new SettingException(key, "must be 0 or more, got " + value);
        }
        return value;
    }

    /**
     * Requires {@code lo ≤ value ≤ hi} (or {@code lo < value} when {@code openLow}).
     *
     * @param key the setting's key as written in YAML
     * @param value the value as bound
     * @param lo the lower bound
     * @param hi the upper bound (inclusive)
     * @param openLow whether the lower bound is excluded
     * @return the value
     */
    public static double range(String key, double value, double lo, double hi, boolean openLow) {
        boolean ok = (openLow ? value > lo : value >= lo) && value <= hi;
        if (!ok || Double.isNaN(value)) {
            throw new SettingException(key, "must be in " + (openLow ? "(" : "[") + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /**
     * Requires {@code value} to be one of {@code allowed}.
     *
     * @param key the setting's key as written in YAML
     * @param value the value as bound
     * @param allowed the allowed values
     * @return the value
     */
    public static String oneOf(String key, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new SettingException(key, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }
}
