package dev.naslab.core.report;

import dev.naslab.core.results.ResultRow;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.results.TrialStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run, three seeds, two selectors on each supernet, with hand-picked test accuracies:
 * magnitude 70, 72, 74 (mean 72, std 2); perturbation 73, 74, 78 (mean 75, std √7); paired
 * differences 3, 2, 4 (mean 3, std 1).
 */
final class ReportFixture {

    private ReportFixture() {
    }

    static Comparison comparison() {
        double[] magnitude = {70, 72, 74};
        double[] perturbation = {73, 74, 78};
        List<RunFolder.Trial> trials = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            String id = "nas-bench-201.darts.s" + seed;
            TrialResult r = new TrialResult(id, "", Map.of(), seed, "nas-bench-201", "darts", TrialStatus.OK, null,
                    30 + seed, 60.5, List.of(
                    new ResultRow("magnitude", "train", "|skip_connect~0|", 61, magnitude[seed], 1000, 1, 10,
                            TrialStatus.OK, null),
                    new ResultRow("perturbation", "train", "|nor_conv_3x3~0|", 63, perturbation[seed], 2000, 80, 12,
                            TrialStatus.OK, null)));
            trials.add(new RunFolder.Trial(id, "done", r, null, List.of(), List.of(), Map.of()));
        }
        return Comparison.of(List.of(new RunFolder(Path.of("runs/q"), "q", trials)), null);
    }
}
