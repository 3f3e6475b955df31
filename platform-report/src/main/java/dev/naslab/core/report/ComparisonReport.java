package dev.naslab.core.report;

import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.RunLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.html}, {@code report.md} and {@code summary.csv} for one or more run folders: per
 * variant n, mean ± sample std and per-seed values, paired per-seed differences against a baseline
 * variant, a rank, and the plots (test accuracy, search curves, α trajectories, op mix, time per
 * phase, the selected cells). The numbers come from {@link Comparison}; {@link SummaryCsv},
 * {@link MarkdownReport} and {@link HtmlReport} write them.
 */
public final class ComparisonReport {

    private final Comparison comparison;
    private final List<String> warnings;

    public ComparisonReport(List<RunFolder> runs, String baseline) {
        this.comparison = Comparison.of(runs, baseline);
        this.warnings = new ArrayList<>(ProvenanceCheck.warnings(runs, comparison.sweptKeys()));
        runs.forEach(r -> r.trials().stream().filter(t -> t.state().equals(RunFolder.UNREADABLE)).forEach(t ->
                warnings.add(r.dir().resolve(t.id()).resolve(RunLayout.RESULT) + " cannot be read; the report leaves "
                        + "trial " + t.id() + " out (naslab run " + r.dir() + " runs it again)")));
    }

    public Comparison comparison() {
        return comparison;
    }

    /** Why rows side by side may not be comparable, and trials left out. */
    public List<String> warnings() {
        return warnings;
    }

    /** Writes the three files into {@code out}. */
    public void write(Path out) {
        ReportTables tables = new ReportTables(comparison);
        AtomicFiles.writeString(out.resolve(RunLayout.SUMMARY), SummaryCsv.of(tables));
        AtomicFiles.writeString(out.resolve(RunLayout.REPORT_MD), MarkdownReport.of(tables, warnings));
        AtomicFiles.writeString(out.resolve(RunLayout.REPORT_HTML), new HtmlReport(tables, warnings).html());
    }
}
