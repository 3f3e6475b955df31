package dev.naslab.core.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.naslab.core.plan.TrialSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusBoardTest {

    private static TrialSpec spec(String id) {
        return new TrialSpec(id, 0, 0, 0, "name: x", List.of(), false, "", Map.of(), null, "s", "o");
    }

    @Test
    void aRunThatStopsWithATrialRunningIsNotCalledFinished(@TempDir Path out) {
        try (StatusBoard b = StatusBoard.open(out, List.of(spec("a"), spec("b")), "local")) {
            b.ended("a", TrialOutcomes.failed(spec("a"), "x"));
            b.running("b", "local", null);
        }
        StatusBoard.Snapshot s = StatusBoard.read(out).orElseThrow();
        assertNull(s.coordinator().finished());
        assertEquals(dev.naslab.core.trial.BoardState.STOPPED, s.trials().get(1).state());
    }

    @Test
    void aRunWhoseTrialsAllEndedIsFinished(@TempDir Path out) {
        try (StatusBoard b = StatusBoard.open(out, List.of(spec("a")), "local")) {
            b.running("a", "local", null);
            b.ended("a", TrialOutcomes.failed(spec("a"), "x"));
        }
        assertNotNull(StatusBoard.read(out).orElseThrow().coordinator().finished());
    }
}
