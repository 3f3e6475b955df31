package dev.naslab.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.naslab.core.config.Mappers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows side by side that differ beyond the swept keys are named; swept keys are not. */
class ProvenanceCheckTest {

    private static RunFolder.Trial trial(String id, String manifest) throws Exception {
        JsonNode m = Mappers.JSON.readTree(manifest);
        return new RunFolder.Trial(id, "done", null, m, List.of(), List.of(), Map.of());
    }

    private static String manifest(String isa, String sha, int trainLimit, int evalEpochs) {
        return """
                {"naslab_version": "0.1.0", "engine": "PyTorch", "engine_version": "2.7.1", "threads": 2,
                 "machine": {"cpu": "AMD EPYC", "cores": 2, "dnnl_max_cpu_isa": "%s"},
                 "plugins": {"space:nas-bench-201": {"plugin": "space-nas-bench-201", "version": "0.1.0", "sha256": "%s"}},
                 "experiment": {"name": "x", "dataset": {"use": "fashion-mnist", "train_limit": %d},
                                "evaluation": [{"use": "train", "epochs": %d}]}}
                """.formatted(isa, sha, trainLimit, evalEpochs);
    }

    @Test
    void differencesBeyondTheSweepAreWarnedAbout() throws Exception {
        RunFolder a = new RunFolder(Path.of("a"), "a", List.of(trial("t0", manifest("AVX", "aa", 4000, 5)),
                trial("t1", manifest("AVX", "aa", 8000, 5))));
        RunFolder b = new RunFolder(Path.of("b"), "b", List.of(trial("t0", manifest("AVX512_CORE", "bb", 4000, 5))));
        List<String> warnings = ProvenanceCheck.warnings(List.of(a, b), List.of("dataset.train_limit"));
        assertEquals(List.of(
                "rows side by side differ in machine.dnnl_max_cpu_isa: AVX (a/t0, a/t1) vs AVX512_CORE (b/t0)",
                "rows side by side differ in plugin space:nas-bench-201: space-nas-bench-201@0.1.0 sha256 aa (a/t0, a/t1)"
                        + " vs space-nas-bench-201@0.1.0 sha256 bb (b/t0)"), warnings);
    }

    @Test
    void anUnsweptSettingThatDiffersIsNamed() throws Exception {
        RunFolder a = new RunFolder(Path.of("a"), "a", List.of(trial("t0", manifest("AVX", "aa", 4000, 5)),
                trial("t1", manifest("AVX", "aa", 4000, 10))));
        assertEquals(List.of("rows side by side differ in experiment evaluation.train.epochs: 5 (t0) vs 10 (t1)"),
                ProvenanceCheck.warnings(List.of(a), List.of()));
        assertEquals(List.of(), ProvenanceCheck.warnings(List.of(a), List.of("evaluation.epochs")));
    }

    @Test
    void aLayoutThatDiffersIsNamedUnlessItIsSwept() throws Exception {
        String nchw = "{\"layout\": \"nchw\", \"threads\": 1}";
        String auto = "{\"layout\": \"auto\", \"threads\": 1}";
        RunFolder r = new RunFolder(Path.of("r"), "r", List.of(trial("t0", nchw), trial("t1", auto)));
        assertEquals(List.of("rows side by side differ in layout: nchw (t0) vs auto (t1)"),
                ProvenanceCheck.warnings(List.of(r), List.of()));
        assertEquals(List.of(), ProvenanceCheck.warnings(List.of(r), List.of("layout")));
    }
}
