package dev.naslab.core.plan;

import dev.naslab.core.results.TrialStatus;
import dev.naslab.core.results.RunLayout;
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
            Path result = trialDir.resolve(RunLayout.RESULT);
            if (Files.isRegularFile(result)) {
                JsonNode r = Mappers.JSON.readTree(result.toFile());
                if (!r.path("status").asText().equals(TrialStatus.FAILED.text())) {
                    return new TrialState(true, 0, 0, 0);
                }
            }
            int epochs = 0;
            epochs = RunLayout.newestCheckpoint(RunLayout.search(trialDir))
                    .map(p -> RunLayout.checkpointEpochs(p.getFileName().toString())).orElse(0);
            int selections = 0;
            int evaluations = 0;
            if (Files.isDirectory(trialDir)) {
                try (Stream<Path> s = Files.walk(trialDir, 3)) {
                    for (Path p : s.toList()) {
                        String name = p.getFileName().toString();
                        String parent = p.getParent().getFileName().toString();
                        if (name.equals(RunLayout.ARCHITECTURE) && parent.startsWith(RunLayout.SELECT_PREFIX)) {
                            selections++;
                        } else if (name.equals(RunLayout.RESULT) && parent.startsWith(RunLayout.EVAL_PREFIX)) {
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
