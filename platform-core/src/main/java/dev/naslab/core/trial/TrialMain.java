package dev.naslab.core.trial;

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
        TrialSpec spec = Mappers.JSON.readValue(dir.resolve("trial.json").toFile(), TrialSpec.class);
        Registry registry = Registry.load(spec.pluginRoots().stream().map(Path::of).toList(), spec.development());
        registry.warnings().forEach(w -> System.err.println("naslab: warning: " + w));
        Experiment e = new ExperimentLoader(registry).parse(dir.resolve("trial.json").toString(), spec.experiment(),
                List.of());
        EngineSetup.configure(e.engine(), e.threads());
        Engine engine = EngineSetup.start(e.engine());
        Device device = EngineSetup.device(engine, e.device());
        TrialPipeline pipeline = new TrialPipeline(e, spec, dir, new LineProgress(System.out));
        TrialResult result = pipeline.run(engine, device);
        pipeline.finishManifest();
        AtomicFiles.writeJson(dir.resolve("result.json"), result);
        System.out.flush();
        System.exit(0);
    }
}
