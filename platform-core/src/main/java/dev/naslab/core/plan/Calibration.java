package dev.naslab.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Step times measured on this machine, cached by what determines them (space and settings,
 * input, optimizer and settings, batch size, engine, threads, CPU model, naslab version), so
 * that {@code naslab plan} measures each configuration once. The cache is a JSON file in
 * {@code $NASLAB_CACHE} or {@code ~/.cache/naslab/}.
 */
public final class Calibration {

    private final Path file;
    private final ObjectNode cache;
    private final boolean measure;

    /**
     * @param measure false to use cached times only (no engine is started)
     */
    public Calibration(boolean measure) {
        String dir = System.getenv("NASLAB_CACHE");
        this.file = (dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".cache", "naslab")).resolve("calibration.json");
        this.measure = measure;
        ObjectNode loaded = Mappers.JSON.createObjectNode();
        if (Files.isRegularFile(file)) {
            try {
                JsonNode n = Mappers.JSON.readTree(file.toFile());
                if (n instanceof ObjectNode o) {
                    loaded = o;
                }
            } catch (IOException e) {
                // an unreadable cache is measured again and rewritten
            }
        }
        this.cache = loaded;
    }

    public Path file() {
        return file;
    }

    /** The measuring method; raised when the way times are taken changes, so cached times of the old way are not used. */
    static final int METHOD = 3;

    /** A cached entry: step times in seconds and when they were measured. */
    public record Entry(double step, double score, String measured, boolean fresh) {
    }

    /**
     * The times for {@code key} (a JSON description of the configuration): cached, or measured now by
     * {@code measurement} (returning {step, score} seconds) and cached; empty when not cached and
     * measuring is off.
     */
    public Optional<Entry> times(ObjectNode key, Supplier<double[]> measurement) {
        key.put("cpu", (String) Provenance.machine().get("cpu"));
        key.put("naslab", Provenance.naslabVersion());
        // how the times are taken: a new method makes earlier measurements stale (3: 4 scoring passes untimed first)
        key.put("method", METHOD);
        String k = key.toString();
        JsonNode hit = cache.get(k);
        if (hit != null) {
            return Optional.of(new Entry(hit.get("step").asDouble(), hit.get("score").asDouble(),
                    hit.path("measured").asText(), false));
        }
        if (!measure) {
            return Optional.empty();
        }
        double[] t = measurement.get();
        ObjectNode e = cache.putObject(k);
        e.put("step", t[0]);
        e.put("score", t[1]);
        e.put("measured", Instant.now().toString());
        AtomicFiles.writeJson(file, cache);
        return Optional.of(new Entry(t[0], t[1], e.get("measured").asText(), true));
    }
}
