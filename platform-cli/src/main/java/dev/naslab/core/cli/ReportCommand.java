package dev.naslab.core.cli;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.report.ComparisonReport;
import dev.naslab.core.report.RunFolder;
import dev.naslab.core.results.OutputFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code naslab report DIR...}: the comparison report of one or more run folders. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.html, report.md and summary.csv for one or more run folders (also while a "
                + "run is going): per variant mean ± std and per-seed values, paired differences against a "
                + "baseline variant, rank, and plots.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Run folders written by naslab run.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "VARIANT",
            description = "The variant differences are taken against, by its name in the table "
                    + "(e.g. darts/magnitude); default: the first variant.")
    String baseline;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where to write the report (default: the run folder; with several, ./report).")
    Path output;

    @Option(names = "--force", description = "Write into a folder that holds files naslab did not write (none of "
            + "them is replaced).")
    boolean force;

    @Override
    public Integer call() {
        List<RunFolder> runs = new ArrayList<>();
        for (Path d : dirs) {
            runs.add(RunFolder.read(d));
        }
        Path out = output != null ? output : dirs.size() == 1 ? dirs.get(0) : Path.of("report");
        if (!(dirs.size() == 1 && output == null)) {
            OutputFolder.claim(out, "naslab report", force, RunLayout.REPORT,
                    "--force");
        }
        ComparisonReport report = new ComparisonReport(runs, baseline);
        report.write(out);
        report.warnings().forEach(w -> System.err.println("naslab: warning: " + w));
        System.out.printf("report of %d variant(s) from %d run(s): %s (and report.md, summary.csv)%n",
                report.comparison().groups().size(), runs.size(), out.resolve(RunLayout.REPORT_HTML));
        return 0;
    }
}
