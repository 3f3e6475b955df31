package dev.naslab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStateTest {

    private static final String GOOD = "{\"epochs_done\": 2, \"seconds\": 1.5, \"rng_train\": 1, \"rng_valid\": 2, "
            + "\"rng_augment\": 3, \"rng_noise\": 4, \"rng_optimizer\": 5, \"batch_size\": 64}";

    private static Optional<String> problem(Path dir, String json, int epochs) throws Exception {
        Files.writeString(dir.resolve("state.json"), json);
        return ResumePoint.stateProblem(dir, epochs);
    }

    @Test
    void aStateThatParsesButCannotBeResumedFromIsNamed(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), problem(dir, GOOD, 4));
        assertEquals(Optional.empty(), problem(dir, GOOD.replace(", \"rng_noise\": 4", ""), 4), "older runs");
        assertTrue(problem(dir, GOOD.replace("\"rng_train\": 1, ", ""), 4).orElseThrow().contains("lacks rng_train"));
        assertTrue(problem(dir, GOOD.replace("\"epochs_done\": 2", "\"epochs_done\": 999"), 4).orElseThrow()
                .contains("epochs_done 999, but this search has 1 to 4"));
        assertTrue(problem(dir, GOOD.replace("\"epochs_done\": 2", "\"epochs_done\": -3"), 4).orElseThrow()
                .contains("epochs_done -3"));
        assertTrue(problem(dir, GOOD.replace("\"epochs_done\": 2", "\"epochs_done\": \"2\""), 4).orElseThrow()
                .contains("lacks epochs_done (or it is not an integer)"));
        assertTrue(problem(dir, GOOD.replace("1.5", "-1"), 4).orElseThrow().contains("seconds"));
        assertTrue(problem(dir, GOOD.replace("\"batch_size\": 64", "\"batch_size\": 0"), 4).orElseThrow()
                .contains("batch_size"));
        assertTrue(problem(dir, "{\"epochs_done\": 2", 4).orElseThrow().contains("unreadable"));
    }
}
