package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An evaluation (training from scratch) killed after an epoch resumes from its last epoch and
 * ends with exactly the test accuracy of an uninterrupted one.
 */
class EvaluationResumeTest {

    private static String[] run(Path out) {
        List<String> a = new ArrayList<>(List.of(ExperimentRunTest.reduced(out, "pytorch")));
        a.addAll(List.of("--set", "selection=[magnitude]", "--set", "evaluation.epochs=5"));
        return a.toArray(String[]::new);
    }

    private static JsonNode evaluation(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("nas-bench-201.darts.s0/select-magnitude/eval-train/result.json")
                .toFile());
    }

    @Test
    void killedEvaluationResumesToTheSameResult(@TempDir Path work) throws Exception {
        Path whole = work.resolve("whole");
        assertEquals(0, Cli.run(run(whole)).code());

        Path out = work.resolve("interrupted");
        Path progress = out.resolve("nas-bench-201.darts.s0/select-magnitude/eval-train/progress/state.json");
        Process first = Cli.start(work.resolve("first.out"), run(out));
        int done = 0;
        try {
            for (int i = 0; i < 3000 && !Files.isRegularFile(progress); i++) {
                Thread.sleep(50);
            }
            assertTrue(Files.isRegularFile(progress), "the evaluation saved its first epoch");
            first.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            done = new ObjectMapper().readTree(progress.toFile()).path("counters").path("epochs_done").asInt();
        } finally {
            first.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
        }
        assertTrue(done >= 1 && done < 5, "killed mid-evaluation, after epoch " + done);
        assertFalse(Files.exists(progress.getParent().getParent().resolve("result.json")), "the evaluation had not finished");

        Cli.Result resumed = Cli.run(run(out));
        assertEquals(0, resumed.code(), resumed.all());
        JsonNode a = evaluation(whole);
        JsonNode b = evaluation(out);
        assertEquals(a.get("test_acc").asDouble(), b.get("test_acc").asDouble(), "same test accuracy after epoch " + done);
        assertEquals(a.get("test_loss").asDouble(), b.get("test_loss").asDouble());
        assertEquals(a.path("metrics").get("final_train_loss").asDouble(),
                b.path("metrics").get("final_train_loss").asDouble());
    }
}
