package dev.naslab.optimizer.fairdarts;

import dev.naslab.api.ArchitectureSelector;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.results.DecisionLog;
import dev.naslab.api.select.SelectionContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pf4j.Extension;

/**
 * FairDARTS's selection: keep the ops whose strength reaches a threshold ({@link ThresholdSelection}), so
 * an edge may keep none, one or several ops and a node may lose all its inputs. Meant for the
 * {@code fairdarts} optimizer, whose strengths are independent sigmoids; on a softmax-mixed supernet
 * the strengths of an edge sum to 1 and few reach 0.85. Reads the strengths only: no passes.
 */
@Extension
public final class ThresholdSelector implements ArchitectureSelector<ThresholdSettings> {

    @Override
    public String id() {
        return "threshold";
    }

    @Override
    public Class<ThresholdSettings> settingsClass() {
        return ThresholdSettings.class;
    }

    @Override
    public String description() {
        return "FairDARTS selection: keep every op whose strength is at least threshold (0.85), 0..n per edge";
    }

    @Override
    public java.util.Optional<dev.naslab.api.plan.Workload> workload(ThresholdSettings settings,
            java.util.List<CellType> cellTypes) {
        return java.util.Optional.of(dev.naslab.api.plan.Workload.selection(0, 0));
    }

    @Override
    public Architecture select(SelectionContext context, ThresholdSettings s) {
        ArchState arch = context.supernet().arch();
        Map<String, java.util.List<String>> cells = new LinkedHashMap<>();
        Map<String, float[][]> strengths = new LinkedHashMap<>();
        for (CellType c : arch.cellTypes()) {
            float[][] w = arch.strengths(c.name());
            strengths.put(c.name(), w);
            cells.put(c.name(), ThresholdSelection.select(c, w, s.threshold(), s.maxOpsPerEdge()));
        }
        Architecture a = new Architecture(cells);
        DecisionLog.append(context.workDir().resolve("decisions.jsonl"), DecisionLog.line()
                .put("rule", "ops with strength >= " + s.threshold() + ", at most " + s.maxOpsPerEdge() + " per edge")
                .put("mixing", arch.mixing().id())
                .put("strengths", strengths)
                .put("architecture", context.format(a)));
        return a;
    }
}
