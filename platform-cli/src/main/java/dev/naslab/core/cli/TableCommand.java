package dev.naslab.core.cli;

import dev.naslab.core.UserException;
import dev.naslab.api.bench.Nb201Table;
import dev.naslab.core.bench201.TableImport;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code naslab table import|check}: NAS-Bench-201 tables in naslab's format, for the nb201-table evaluator and benchmark:. */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "NAS-Bench-201 benchmark tables in naslab's format (docs/nb201-lookup.md), read by the "
                + "nb201-table evaluator and the experiment key benchmark:.",
        subcommands = {TableCommand.Import.class, TableCommand.Check.class})
final class TableCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code naslab table import CSV --arch-column NAME --column KEY=CSV_COLUMN... -o FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Write a table in naslab's format from any CSV with a column of NAS-Bench-201 architecture "
                    + "strings, checking it: every cell once, valid strings, numbers.")
    static final class Import implements Callable<Integer> {

        @Parameters(paramLabel = "CSV", description = "The CSV file (a header line, then one row per cell).")
        Path csv;

        @Option(names = "--arch-column", required = true, paramLabel = "NAME",
                description = "The CSV's column of architecture strings (|op~0|+|op~0|op~1|+|op~0|op~1|op~2|).")
        String archColumn;

        @Option(names = "--column", required = true, paramLabel = "KEY=CSV_COLUMN",
                description = "A column to keep, named KEY in the table (lower-case letters, digits, _; e.g. "
                        + "cifar10_test=CIFAR10TestAccuracy200Epochs); repeatable. A column params_m holds parameters "
                        + "in millions.")
        List<String> columns = new ArrayList<>();

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
                description = "The table to write (must not exist).")
        Path out;

        @Override
        public Integer call() {
            List<TableImport.Column> cs = new ArrayList<>();
            for (String c : columns) {
                int eq = c.indexOf('=');
                if (eq <= 0 || eq == c.length() - 1) {
                    throw new UserException("--column '" + c + "' is not KEY=CSV_COLUMN (e.g. "
                            + "cifar10_test=CIFAR10TestAccuracy200Epochs)");
                }
                cs.add(new TableImport.Column(c.substring(0, eq).strip(), c.substring(eq + 1).strip()));
            }
            Nb201Table t;
            try {
                t = TableImport.run(csv, archColumn, cs, out);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new UserException(e.getMessage());
            }
            System.out.println("wrote " + out + ": 15625 cells");
            summary(t);
            return 0;
        }
    }

    /** {@code naslab table check FILE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a table in naslab's format and summarise its columns; with --arch, look cells up.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The table.")
        Path file;

        @Option(names = "--arch", paramLabel = "A", description = "A cell to look up (repeatable).")
        List<String> archs = new ArrayList<>();

        @Override
        public Integer call() {
            Nb201Table t;
            try {
                t = Nb201Table.read(file);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new UserException(e.getMessage());
            }
            System.out.println(file + ": a NAS-Bench-201 table in naslab's format, 15625 cells");
            summary(t);
            for (String a : archs) {
                try {
                    StringBuilder sb = new StringBuilder(a);
                    t.values(a).forEach((k, v) -> sb.append('\t').append(k).append('=').append(fmt(v)));
                    for (String c : t.columns()) {
                        if (!c.equals(Nb201Table.PARAMS) && t.value(a, c).isPresent()) {
                            sb.append('\t').append(c).append("_rank=").append(t.rank(a, c));
                        }
                    }
                    sb.append("\tisomorphs=").append(t.isomorphs(a));
                    System.out.println(sb);
                } catch (IllegalArgumentException e) {
                    throw new UserException("--arch: " + e.getMessage());
                }
            }
            return 0;
        }
    }

    private static void summary(Nb201Table t) {
        for (String c : t.columns()) {
            double best = Double.NEGATIVE_INFINITY;
            String bestArch = null;
            int n = 0;
            for (String a : dev.naslab.api.bench.Nb201Cell.all()) {
                var v = t.value(a, c);
                if (v.isPresent()) {
                    n++;
                    if (v.getAsDouble() > best) {
                        best = v.getAsDouble();
                        bestArch = a;
                    }
                }
            }
            System.out.println("  " + c + ": " + n + " values" + (bestArch == null ? "" : ", highest " + fmt(best)
                    + " (" + bestArch + ")"));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
