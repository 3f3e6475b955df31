package dev.naslab.core.cli;

import dev.naslab.core.UserException;
import dev.naslab.core.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code naslab} command line. */
@Command(name = "naslab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Differentiable neural architecture search with plugins: search spaces, optimizers, "
                + "selectors, datasets and evaluators, wired in YAML experiment files.",
        subcommands = {RunCommand.class, ValidateCommand.class, PlanCommand.class, ReportCommand.class, PluginsCommand.class, InspectCommand.class,
            BenchCommand.class, ParityCommand.class, WorkerCommand.class, StatusCommand.class, TableCommand.class, TrialCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    static volatile boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (0 ok, 1 failure, 2 bad input). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof ConfigException || ex instanceof UserException) {
                err.println("naslab: " + ex.getMessage());
                if (debug) {
                    ex.printStackTrace(err);
                }
                return 2;
            }
            err.println("naslab: error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (debug) {
                ex.printStackTrace(err);
            } else {
                err.println("(run again with --debug for the stack trace)");
            }
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"naslab " + (v == null ? "0.1.0" : v) + " (plugin API "
                    + dev.naslab.core.plugin.Registry.API_VERSION + ", Java " + System.getProperty("java.version") + ")"};
        }
    }
}
