package dev.naslab.core.plugin;

import dev.naslab.api.ApiVersion;
import org.pf4j.DefaultVersionManager;

/**
 * PF4J's version check with naslab's rule ({@link ApiVersion}): a plain {@code Plugin-Requires:
 * 0.2.0} is the API version the plugin was built against and loads on compatible hosts; anything
 * else (an explicit range such as {@code >=0.2.0 & <0.4.0}) is PF4J's semantic-version
 * expression.
 */
final class ApiVersionManager extends DefaultVersionManager {

    @Override
    public boolean checkVersionConstraint(String version, String constraint) {
        String c = constraint == null ? "" : constraint.strip();
        if (c.isEmpty() || c.equals("*")) {
            return true;
        }
        if (c.matches("\\d+\\.\\d+\\.\\d+")) {
            return ApiVersion.compatible(version, c);
        }
        return super.checkVersionConstraint(version, c);
    }

    /** Why a plugin requiring {@code requires} does not load on this host, for the warning. */
    static String mismatch(String requires) {
        String c = requires.strip();
        return c.matches("\\d+\\.\\d+\\.\\d+")
                ? "it was built against plugin API " + c + "; this naslab provides " + ApiVersion.VERSION
                        + " (a plugin built against 0.M.p loads on 0.M.q with q >= p; before 1.0 minor versions are "
                        + "breaking): rebuild it against " + ApiVersion.VERSION + " or use a naslab with API " + c
                : "it requires plugin API '" + c + "'; this naslab provides " + ApiVersion.VERSION;
    }
}
