package dev.naslab.zerocost;

import dev.naslab.api.SettingException;
import dev.naslab.api.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The proxies of this plugin by id, for its evaluator and selector. */
final class Proxies {

    private static final Map<String, Supplier<SimpleProxy>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("synflow", Synflow::new);
        ALL.put("nwot", Naswot::new);
        ALL.put("snip", Snip::new);
        ALL.put("grad_norm", GradNorm::new);
        ALL.put("jacov", Jacov::new);
        ALL.put("fisher", Fisher::new);
        ALL.put("params", Params::new);
        ALL.put("flops", Flops::new);
    }

    /** GraSP needs a Hessian-gradient product: DJL 0.36 has no double backward, and no variant is written yet. */
    static final String GRASP = "grasp is not available: it needs a Hessian-gradient product, which DJL 0.36 cannot "
            + "take (no double backward), and naslab has no finite-difference variant of it yet";

    private Proxies() {
    }

    /** {@return every id, in the order of the reference's table} */
    static List<String> ids() {
        return List.copyOf(ALL.keySet());
    }

    /** The proxy {@code id}; a {@link SettingException} on {@code key} with a did-you-mean when there is none. */
    static SimpleProxy of(String id, String key) {
        Supplier<SimpleProxy> p = ALL.get(id);
        if (p == null) {
            if ("grasp".equals(id)) {
                throw new SettingException(key, GRASP);
            }
            throw new SettingException(key, "'" + id + "' is not a zero-cost proxy" + Suggestions.hint(id, ALL.keySet())
                    + "; allowed: " + String.join(", ", ALL.keySet()));
        }
        return p.get();
    }
}
