package dev.naslab.api;

/**
 * The version of this plugin API, and the rule by which plugins are matched to it.
 *
 * <p>A plugin states the API version it was built against in its manifest
 * ({@code Plugin-Requires: 0.2.0}; the plugin parent pom fills it in). naslab loads it when the
 * host's API has the same major version and is at least as new, with one addition while the API
 * is before 1.0: the minor version must match too, because a 0.x minor release may change or
 * remove things. So a plugin built against 0.2.0 loads on 0.2.0, 0.2.1, 0.2.9, but not on 0.1.x
 * or 0.3.0; after 1.0, one built against 1.2.0 loads on any 1.x from 1.2.0 on. A plugin that
 * needs something else can give an explicit range instead ({@code >=0.2.0 & <0.4.0}).
 *
 * <p>Within a minor version the API changes only by addition; every type and member added after
 * 0.1 says since when ({@code @since}).
 */
public final class ApiVersion {

    /** This API's version, {@code major.minor.patch}. */
    public static final String VERSION = "0.3.0";

    private ApiVersion() {
    }

    /**
     * Whether a host providing API {@code host} can load a plugin built against API {@code built}
     * (both {@code major.minor.patch}) by the rule above.
     *
     * @throws IllegalArgumentException when either is not {@code major.minor.patch}
     * @param host the host's API version, major.minor.patch
     * @param built the API version the plugin was built against
     * @return true if the host can load the plugin
     */
    public static boolean compatible(String host, String built) {
        int[] h = parse(host);
        int[] b = parse(built);
        if (h[0] != b[0] || (h[0] == 0 && h[1] != b[1])) {
            return false;
        }
        for (int i = 1; i < 3; i++) {
            if (h[i] != b[i]) {
                return h[i] > b[i];
            }
        }
        return true;
    }

    static int[] parse(String v) {
        String[] p = v.strip().split("\\.");
        if (p.length != 3) {
            throw new IllegalArgumentException("'" + v + "' is not a version major.minor.patch");
        }
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                out[i] = Integer.parseInt(p[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + v + "' is not a version major.minor.patch");
            }
            if (out[i] < 0) {
                throw new IllegalArgumentException("'" + v + "' is not a version major.minor.patch");
            }
        }
        return out;
    }
}
