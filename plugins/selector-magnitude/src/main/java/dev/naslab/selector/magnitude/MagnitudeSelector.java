package dev.naslab.selector.magnitude;

import dev.naslab.api.ArchitectureSelector;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.select.Derivation;
import dev.naslab.api.select.SelectionContext;
import dev.naslab.api.results.DecisionLog;
import org.pf4j.Extension;

/**
 * DARTS's own selection: the architecture read off α's magnitude (Liu et al., ICLR 2019, §2.4):
 * argmax per edge with {@code none} included where nodes keep all inputs (NAS-Bench-201), top-2
 * non-{@code none} edges per node otherwise; decided edges keep their decision. This is the
 * baseline DARTS-PT argues against: α's size does not measure an op's strength.
 */
@Extension
public final class MagnitudeSelector implements ArchitectureSelector<MagnitudeSettings> {

    @Override
    public String id() {
        return "magnitude";
    }

    @Override
    public Class<MagnitudeSettings> settingsClass() {
        return MagnitudeSettings.class;
    }

    @Override
    public String description() {
        return "argmax of alpha per edge (DARTS derivation), none included on NAS-Bench-201";
    }

    /** Reads α only: no training, no passes (the host's one projected validation pass is its own). */
    @Override
    public java.util.Optional<dev.naslab.api.plan.Workload> workload(MagnitudeSettings settings,
            java.util.List<dev.naslab.api.model.CellType> cellTypes) {
        return java.util.Optional.of(dev.naslab.api.plan.Workload.selection(0, 0));
    }

    @Override
    public Architecture select(SelectionContext context, MagnitudeSettings settings) {
        dev.naslab.api.model.ArchState arch = context.supernet().arch();
        Architecture a = Derivation.derive(arch);
        String mixing = arch.mixing().id();
        DecisionLog.append(context.workDir().resolve("decisions.jsonl"), DecisionLog.line()
                .put("rule", mixing.equals("softmax") ? "argmax softmax(alpha)" : "argmax of the " + mixing + " strengths")
                .put("mixing", mixing)
                .put("probabilities", arch.cellTypes().stream()
                        .collect(java.util.stream.Collectors.toMap(c -> c.name(), c -> arch.strengths(c.name()))))
                .put("architecture", context.format(a)));
        return a;
    }
}
