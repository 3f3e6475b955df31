package dev.naslab.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.results.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where a search resumes: the newest checkpoint of its folder that is complete and intact. */
final class ResumePoint {

    private ResumePoint() {
    }

    /**
     * The newest complete checkpoint that is intact. A damaged one (truncated, changed on disk) is
     * renamed to {@code checkpoint-NNNN.damaged} (kept for a look, never read again) with a warning,
     * and the one before it is tried; with none left the search starts over, saying why.
     */
    static Optional<Path> usable(Path dir, int epochs) throws IOException {
        for (Optional<Path> c = latest(dir); c.isPresent(); c = latest(dir)) {
            Path found = c.get();
            Optional<String> damage = SupernetCheckpoint.damage(found).or(() -> stateProblem(found, epochs));
            if (damage.isEmpty()) {
                return c;
            }
            Path aside = c.get().resolveSibling(c.get().getFileName() + ".damaged");
            SupernetCheckpoint.deleteTree(aside);
            Files.move(c.get(), aside);
            Optional<Path> previous = latest(dir);
            System.err.println("naslab: warning: " + c.get() + " is damaged: " + damage.get() + "; moved to " + aside
                    + (previous.isPresent() ? "; resuming from " + previous.get().getFileName()
                    : "; no earlier checkpoint, the search starts over"));
        }
        return Optional.empty();
    }

    /** The search state a checkpoint must hold, by key: what a resume reads (rng_noise may be missing: older runs). */
    private static final List<String> INTEGRAL_KEYS = List.of("epochs_done", "rng_train", "rng_valid", "rng_augment",
            "rng_optimizer");

    /**
     * What is wrong with a checkpoint's {@code state.json} as a search state: a missing or
     * non-integral field a resume reads, {@code epochs_done} outside 1..{@code epochs}, a negative
     * time or batch size.
     */
    static Optional<String> stateProblem(Path checkpoint, int epochs) {
        JsonNode meta;
        try {
            meta = Mappers.JSON.readTree(checkpoint.resolve("state.json").toFile());
        } catch (IOException e) {
            return Optional.of("state.json is unreadable (" + e.getMessage() + ")");
        }
        for (String k : INTEGRAL_KEYS) {
            if (!meta.path(k).isIntegralNumber() || !meta.path(k).canConvertToLong()) {
                return Optional.of("state.json lacks " + k + " (or it is not an integer)");
            }
        }
        long done = meta.get("epochs_done").asLong();
        if (done < 1 || done > epochs) {
            return Optional.of("state.json says epochs_done " + done + ", but this search has 1 to " + epochs);
        }
        if (!meta.path("seconds").isNumber() || meta.get("seconds").asDouble() < 0) {
            return Optional.of("state.json lacks seconds (or it is negative)");
        }
        if (meta.has("rng_noise") && !meta.get("rng_noise").isIntegralNumber()) {
            return Optional.of("state.json's rng_noise is not an integer");
        }
        if (meta.has("batch_size") && (!meta.get("batch_size").canConvertToInt() || meta.get("batch_size").asInt() < 1)) {
            return Optional.of("state.json's batch_size is not a positive integer");
        }
        return Optional.empty();
    }

    /** The newest complete {@code checkpoint-NNNN} folder. */
    static Optional<Path> latest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> RunLayout.isCheckpoint(p.getFileName().toString()))
                    .filter(SupernetCheckpoint::complete)
                    .max(java.util.Comparator.comparing(p -> p.getFileName().toString()));
        }
    }
}
