package dev.naslab.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.naslab.core.config.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a trial's folder already holds: a finished result (reused as it is), a search checkpoint to
 * resume from, finished selections, or nothing.
 *
 * @param done           a result that is not {@code failed}: the trial will be reused
 * @param epochsDone     search epochs of the newest checkpoint (0 without one)
 * @param selectionsDone selectors whose architecture is saved
 * @param evaluationsDone evaluations with a saved result
 */
public record TrialState(boolean done, int epochsDone, int selectionsDone, int evaluationsDone) {

    public static TrialState of(Path trialDir) {
        try {
            Path result = trialDir.resolve("result.json");
            if (Files.isRegularFile(result)) {
                JsonNode r = Mappers.JSON.readTree(result.toFile());
                if (!r.path("status").asText().equals("failed")) {
                    return new TrialState(true, 0, 0, 0);
                }
            }
            int epochs = 0;
            Path search = trialDir.resolve("search");
            if (Files.isDirectory(search)) {
                try (Stream<Path> s = Files.list(search)) {
                    epochs = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("checkpoint-\\d+"))
                            .mapToInt(n -> Integer.parseInt(n.substring("checkpoint-".length()))).max().orElse(0);
                }
            }
            int selections = 0;
            int evaluations = 0;
            if (Files.isDirectory(trialDir)) {
                try (Stream<Path> s = Files.walk(trialDir, 3)) {
                    for (Path p : s.toList()) {
                        String name = p.getFileName().toString();
                        String parent = p.getParent().getFileName().toString();
                        if (name.equals("architecture.json") && parent.startsWith("select-")) {
                            selections++;
                        } else if (name.equals("result.json") && parent.startsWith("eval-")) {
                            evaluations++;
                        }
                    }
                }
            }
            return new TrialState(false, epochs, selections, evaluations);
        } catch (IOException e) {
            return new TrialState(false, 0, 0, 0);
        }
    }
}
