package dev.naslab.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.naslab.core.results.ResultRow;
import dev.naslab.core.results.TrialResult;
import dev.naslab.core.results.TrialStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Four trials whose zero-cost rows carry a proxy that orders them as their trained accuracies (70 &lt; 72 &lt; 74
 * &lt; 78) except for one swapped pair: Spearman 1 − 6·Σd²/(n(n²−1)) = 1 − 6·2/60 = 0.8, Kendall (5 − 1)/6 = 2/3.
 */
class ProxyRankingTest {

    @Test
    void correlatesEachProxyWithTheTrainedAccuracyOfTheSameSelection() {
        double[] accuracy = {70, 72, 74, 78};
        double[] proxy = {1, 3, 2, 4};
        List<RunFolder.Trial> trials = new ArrayList<>();
        for (int seed = 0; seed < 4; seed++) {
            String id = "nas-bench-201.darts.s" + seed;
            TrialResult r = new TrialResult(id, "", Map.of(), seed, "nas-bench-201", "darts", TrialStatus.OK, null,
                    30, 60, List.of(
                    new ResultRow("magnitude", "zero-cost", "|skip_connect~0|", 61, Double.NaN, 1000, 1, 1,
                            TrialStatus.OK, null, Map.of("synflow", proxy[seed], "synflow_seconds", 0.5)),
                    new ResultRow("magnitude", "train", "|skip_connect~0|", 61, accuracy[seed], 1000, 1, 10,
                            TrialStatus.OK, null)));
            trials.add(new RunFolder.Trial(id, "done", r, null, List.of(), List.of(), Map.of()));
        }
        List<RunFolder> runs = List.of(new RunFolder(Path.of("runs/q"), "q", trials));
        List<ProxyRanking.Line> lines = ProxyRanking.of(runs);
        assertEquals(1, lines.size());
        ProxyRanking.Line l = lines.get(0);
        assertEquals("synflow", l.proxy());
        assertEquals("train", l.against());
        assertEquals(4, l.n());
        assertEquals(0.8, l.spearman(), 1e-12);
        assertEquals(2.0 / 3, l.kendall(), 1e-12);
        assertEquals(0.5, l.seconds(), 1e-12);
        assertEquals(List.of("synflow", "train", "4", "+0.800", "+0.667", "0.500"), ProxyRanking.rows(lines).get(0));
        // the zero-cost rows have no accuracy to compare: only train's group is in the comparison
        assertEquals(List.of("train"), Comparison.of(runs, null).groups().stream().map(g -> g.key.evaluator()).toList());
    }

    @Test
    void proxyValuesKeepTheirSignificantDigits() {
        assertEquals("2.36294e-05", ResultsTable.metric(2.362941e-5));
        assertEquals("1e+35", ResultsTable.metric(1e35));
        assertEquals("9.3464e+35", ResultsTable.metric(9.3464e35));
        assertEquals("-inf", ResultsTable.metric(Double.NEGATIVE_INFINITY));
        assertEquals("0.1234", ResultsTable.metric(0.12341));
    }
}
