package dev.naslab.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLayoutTest {

    @Test
    void namesTheFoldersOfATrial() {
        Path trial = Path.of("runs/x/t");
        assertEquals(Path.of("runs/x/t/search/checkpoint-0007"), RunLayout.checkpoint(RunLayout.search(trial), 7));
        assertEquals(Path.of("runs/x/t/select-perturbation/eval-train"),
                RunLayout.evaluation(RunLayout.selection(trial, "perturbation"), "train"));
    }

    @Test
    void checkpointsAreOrderedByEpochAndDamagedOnesAreNotCheckpoints(@TempDir Path dir) throws Exception {
        for (String n : List.of("checkpoint-0002", "checkpoint-0010", "checkpoint-0003.damaged", "checkpoint-0001")) {
            Files.createDirectories(dir.resolve(n));
        }
        Files.writeString(dir.resolve("metrics.jsonl"), "");
        assertEquals(List.of("checkpoint-0001", "checkpoint-0002", "checkpoint-0010"),
                RunLayout.checkpoints(dir).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(Optional.of(dir.resolve("checkpoint-0010")), RunLayout.newestCheckpoint(dir));
        assertEquals(10, RunLayout.checkpointEpochs("checkpoint-0010"));
        assertFalse(RunLayout.isCheckpoint("checkpoint-0003.damaged"));
        assertTrue(RunLayout.checkpoints(dir.resolve("absent")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> RunLayout.checkpointEpochs("checkpoint-x"));
    }
}
