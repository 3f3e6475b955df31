package dev.naslab.core.trial;

import dev.naslab.core.results.RunLayout;
import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.naslab.core.config.Experiment;
import dev.naslab.core.config.ExperimentLoader;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.engine.EngineSetup;
import dev.naslab.core.plan.TrialSpec;
import dev.naslab.core.plugin.Registry;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.TrialResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point of a trial's child JVM: {@code TrialMain <trial folder>} reads {@code trial.json},
 * sets up the engine on the main thread, runs the {@link TrialPipeline} and writes
 * {@code result.json}. A crash exits non-zero; the coordinator reports it with the log path.
 */
public final class TrialMain {

    private TrialMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        watchCoordinator(dir.resolve(RunLayout.TRIAL_LOG));
        System.exit(run(dir, new LineProgress(System.out)));
    }

    /**
     * Runs the trial in {@code dir} as a batch job ({@code naslab trial DIR}, from a Slurm job script): no
     * coordinator holds its standard input, its output is the job's (appended to {@code trial.log}) and its
     * progress goes to {@link TrialProgressFile}. Returns the exit code.
     */
    public static int runAsJob(Path dir) throws Exception {
        return run(dir, TrialProgressFile.writer(dir));
    }

    private static int run(Path dir, LineProgress progress) throws Exception {
        TrialSpec spec = Mappers.JSON.readValue(dir.resolve(RunLayout.TRIAL_SPEC).toFile(), TrialSpec.class);
        try {
            run(dir, spec, progress);
        } catch (Exception | LinkageError e) {
            // the trace goes to trial.log; the result says what went wrong in one line
            e.printStackTrace();
            AtomicFiles.writeJson(dir.resolve(RunLayout.RESULT), TrialOutcomes.failed(spec, oneLine(e) + "; see "
                    + dir.resolve(RunLayout.TRIAL_LOG)));
            return 1;
        }
        System.out.flush();
        return 0;
    }

    /** "cannot read fashion-mnist from ...: ... is truncated", without the exception class for user errors. */
    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.lang.reflect.InvocationTargetException)) {
            t = t.getCause();
        }
        String m = t.getMessage();
        boolean userFacing = t instanceof java.io.UncheckedIOException || t instanceof IllegalArgumentException
                || t instanceof dev.naslab.core.config.ConfigException;
        return userFacing && m != null ? m : t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /**
     * Stops this trial when its coordinator is gone (kill -9, a closed terminal, an out-of-memory
     * kill): the coordinator holds our stdin open and never writes to it, so end-of-file means it
     * died. Checkpoints are written atomically, so halting here loses at most the epoch in progress;
     * the next {@code naslab run} resumes.
     */
    static void watchCoordinator(Path log) {
        Thread t = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is ever sent; keep waiting for end-of-file
                }
            } catch (java.io.IOException e) {
                // a broken pipe means the same
            }
            // our output went to the coordinator, which is gone: write to the trial's log directly
            try {
                java.nio.file.Files.writeString(log, "naslab: the coordinator is gone; this trial stops at "
                        + java.time.Instant.now() + " (naslab run resumes it)\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                // nothing more to do
            }
            Runtime.getRuntime().halt(3);
        }, "coordinator-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void run(Path dir, TrialSpec spec, LineProgress progress) throws Exception {
        Registry registry = Registry.load(spec.pluginRoots().stream().map(Path::of).toList(), spec.development());
        registry.warnings().forEach(w -> System.err.println("naslab: warning: " + w));
        Experiment e = new ExperimentLoader(registry).parse(dir.resolve(RunLayout.TRIAL_SPEC).toString(), spec.experiment(),
                List.of());
        EngineSetup.configure(e.engine(), e.threads());
        dev.naslab.api.nn.Ops.setLayout(dev.naslab.api.nn.Ops.Layout.valueOf(e.layout().toUpperCase(java.util.Locale.ROOT)));
        Engine engine = EngineSetup.start(e.engine());
        Device device = EngineSetup.device(engine, e.device());
        TrialPipeline pipeline = new TrialPipeline(e, spec, dir, progress);
        TrialResult result = pipeline.run(engine, device);
        pipeline.finishManifest();
        AtomicFiles.writeJson(dir.resolve(RunLayout.RESULT), result);
    }
}
