package dev.naslab.core.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialOutcomesTest {

    @Test
    void anUnreadableResultIsKeptAsideAndTheTrialRunsAgain(@TempDir Path dir) throws Exception {
        for (String bad : List.of("{\"trial\": \"t\", \"stat", "{}", "[1, 2]")) {
            Files.writeString(dir.resolve(TrialOutcomes.RESULT), bad);
            assertTrue(TrialOutcomes.reusable(dir).isEmpty(), bad);
            assertTrue(Files.notExists(dir.resolve(TrialOutcomes.RESULT)), bad);
        }
        try (var s = Files.list(dir)) {
            List<Path> aside = s.toList();
            assertEquals(3, aside.size(), aside.toString());
            assertTrue(aside.stream().allMatch(p -> p.getFileName().toString().startsWith("result.json.unreadable-")));
        }
    }
}
