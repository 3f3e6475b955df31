package org.example.naslab;

import dev.naslab.api.ArchitectureSelector;
import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.plan.Workload;
import dev.naslab.api.select.SelectionContext;
import dev.naslab.api.base.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Picks a uniformly random op on every edge (leaving out {@code none} unless asked) and, in cells
 * whose nodes keep a fixed number of inputs (the DARTS space), random inputs for every node, drawn
 * from the trial's seed: the random-search baseline of a comparison. Use it in an experiment as
 * {@code selection: [magnitude, random]}.
 */
@Extension
public final class RandomSelector implements ArchitectureSelector<RandomSelector.Settings> {

    /**
     * Settings; every key is optional.
     *
     * @param withNone also draw {@code none} (an edge that contributes nothing)
     */
    public record Settings(@Setting("also draw none (an edge that contributes nothing)") Boolean withNone) {

        public Settings {
            withNone = withNone != null && withNone;
        }
    }

    @Override
    public String id() {
        return "random";
    }

    @Override
    public Class<Settings> settingsClass() {
        return Settings.class;
    }

    @Override
    public String description() {
        return "uniformly random op per edge, from the trial's seed (a baseline)";
    }

    @Override
    public Optional<Workload> workload(Settings settings, List<CellType> cellTypes) {
        return Optional.of(Workload.selection(0, 0)); // no training, no scoring passes
    }

    @Override
    public Architecture select(SelectionContext ctx, Settings s) {
        Rng rng = Rng.derive(ctx.seed(), "random-selector");
        Map<String, List<String>> cells = new LinkedHashMap<>();
        for (CellType c : ctx.supernet().arch().cellTypes()) {
            List<String> ops = new ArrayList<>();
            for (int e = 0; e < c.edges().size(); e++) {
                List<String> candidates = c.ops(e).stream().filter(op -> s.withNone() || !op.equals("none")).toList();
                if (candidates.isEmpty()) {
                    throw new SettingException("with_none", "edge " + e + " of cell " + c.name() + " has only none");
                }
                ops.add(candidates.get(rng.nextInt(candidates.size())));
            }
            // cells whose nodes keep a fixed number of inputs (the DARTS space): keep a random few of each node's
            for (int node : c.prunableNodes()) {
                List<Integer> incoming = new ArrayList<>(c.incoming(node));
                while (incoming.size() > c.inputsPerNode()) {
                    ops.set(incoming.remove(rng.nextInt(incoming.size())), Architecture.REMOVED);
                }
            }
            cells.put(c.name(), ops);
        }
        return new Architecture(cells);
    }
}
