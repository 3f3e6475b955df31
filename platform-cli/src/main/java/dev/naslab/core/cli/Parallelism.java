package dev.naslab.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.naslab.core.config.Mappers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How many trials run at once and with how many intra-op threads each, when the user leaves one or
 * both open. On a few cores, trials side by side with one thread each finish more trials per hour
 * than one trial using every core (small networks do not keep several threads busy; measured in the
 * README's engineering notes), so the default fills the cores with one-thread trials. Explicit
 * values win: {@code --parallel N} alone gives each trial cores / N threads; {@code threads: T}
 * alone runs cores / T trials at once. The choice depends on the cores and the experiment's total
 * number of trials, never on how many are left, so a resumed run uses the threads it started with.
 *
 * @param lanes   trials at once
 * @param threads intra-op threads per trial
 * @param chosen  true when naslab chose the threads (the file and the command line left them open)
 */
record Parallelism(int lanes, int threads, boolean chosen) {

    static Parallelism choose(Integer parallel, Integer threads, int trials, int cores) {
        int c = Math.max(1, cores);
        int n = Math.max(1, trials);
        if (parallel != null && threads != null) {
            return new Parallelism(parallel, threads, false);
        }
        if (parallel != null) {
            return new Parallelism(parallel, Math.max(1, c / parallel), true);
        }
        if (threads != null) {
            return new Parallelism(Math.max(1, Math.min(n, c / threads)), threads, false);
        }
        int lanes = Math.min(c, n);
        return new Parallelism(lanes, Math.max(1, c / lanes), true);
    }

    /** True when the experiment file or a {@code --set} gives {@code threads}. */
    static boolean threadsGiven(String experimentText, List<String> sets) {
        if (sets.stream().anyMatch(s -> s.startsWith("threads="))) {
            return true;
        }
        try {
            JsonNode root = Mappers.YAML.readTree(experimentText);
            return root != null && root.has("threads");
        } catch (IOException e) {
            return true; // malformed: the loader has reported it already; choose nothing
        }
    }

    /** One line for the user: what runs at once and who chose it. */
    String describe(int cores) {
        return lanes + " at once, " + threads + " thread" + (threads == 1 ? "" : "s") + " each"
                + (chosen ? " (chosen for " + cores + " cores; set threads: or --parallel to choose)" : "");
    }
}
