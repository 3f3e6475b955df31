package dev.naslab.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.djl.ndarray.NDArray;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.train.Stateful;
import dev.naslab.api.train.TensorData;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.Provenance;
import dev.naslab.core.results.TensorFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A supernet snapshot in a folder: {@code tensors.bin} (weights, BatchNorm statistics, α,
 * optimizer state) and {@code state.json} (decisions, scalars, whatever the caller adds),
 * written last. A folder without {@code state.json} is incomplete and ignored.
 */
public final class SupernetCheckpoint {

    static final String TENSORS = "tensors.bin";
    static final String STATE = "state.json";

    private SupernetCheckpoint() {
    }

    /** Writes the snapshot into {@code dir} (replacing it) with {@code meta} as extra state. */
    public static void save(Path dir, Supernet net, Map<String, Stateful> statefuls, ObjectNode meta)
            throws IOException {
        meta.put("mixing", net.arch().mixing().id());
        ObjectNode decisions = meta.putObject("decisions");
        net.arch().decisions().forEach((cell, d) -> {
            var a = decisions.putArray(cell);
            for (int v : d) {
                a.add(v);
            }
        });
        write(dir, net, net.arch().tensors(), statefuls, meta);
    }

    /** Writes a discrete network's snapshot (weights, buffers, {@code statefuls}, {@code meta}). */
    public static void saveNetwork(Path dir, Network net, Map<String, Stateful> statefuls, ObjectNode meta)
            throws IOException {
        write(dir, net, Map.of(), statefuls, meta);
    }

    /** Loads a discrete network's snapshot written by {@link #saveNetwork}. */
    public static Loaded loadNetwork(Path dir, Network net) throws IOException {
        Map<String, TensorData> tensors = TensorFile.read(dir.resolve(TENSORS));
        ObjectNode meta = (ObjectNode) Mappers.JSON.readTree(dir.resolve(STATE).toFile());
        TensorFile.copyInto(tensors, "w/", net.params().state());
        return new Loaded(tensors, meta);
    }

    private static void write(Path dir, Network net, Map<String, NDArray> more, Map<String, Stateful> statefuls,
            ObjectNode meta) throws IOException {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        deleteTree(tmp);
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        net.params().state().forEach((k, v) -> tensors.put("w/" + k, v));
        tensors.putAll(more);
        ObjectNode scalars = meta.putObject("scalars");
        statefuls.forEach((name, s) -> {
            s.stateTensors().forEach((k, v) -> tensors.put("opt/" + name + "/" + k, v));
            s.stateScalars().forEach((k, v) -> scalars.put("opt/" + name + "/" + k, v));
        });
        TensorFile.write(tmp.resolve(TENSORS), tensors);
        meta.put("tensors_bytes", Files.size(tmp.resolve(TENSORS)));
        meta.put("tensors_sha256", Provenance.sha256(tmp.resolve(TENSORS)));
        AtomicFiles.writeJson(tmp.resolve(STATE), meta);
        deleteTree(dir);
        Files.move(tmp, dir);
    }

    /** Whether {@code dir} holds a complete snapshot. */
    public static boolean complete(Path dir) {
        return Files.isRegularFile(dir.resolve(STATE)) && Files.isRegularFile(dir.resolve(TENSORS));
    }

    /**
     * What is wrong with a complete-looking snapshot, if anything: an unreadable {@code state.json},
     * a {@code tensors.bin} whose size or SHA-256 differs from the one recorded when it was written
     * (older snapshots without a record are read through instead).
     */
    public static Optional<String> damage(Path dir) {
        ObjectNode meta;
        try {
            meta = (ObjectNode) Mappers.JSON.readTree(dir.resolve(STATE).toFile());
        } catch (IOException | ClassCastException e) {
            return Optional.of(STATE + " is unreadable (" + e.getMessage() + ")");
        }
        Path tensors = dir.resolve(TENSORS);
        try {
            long size = Files.size(tensors);
            if (meta.has("tensors_bytes") && meta.get("tensors_bytes").asLong() != size) {
                return Optional.of(TENSORS + " has " + size + " bytes, " + meta.get("tensors_bytes").asLong()
                        + " were written");
            }
            if (meta.has("tensors_sha256")) {
                return meta.get("tensors_sha256").asText().equals(Provenance.sha256(tensors)) ? Optional.empty()
                        : Optional.of(TENSORS + " does not match its SHA-256");
            }
            TensorFile.read(tensors);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(TENSORS + " is unreadable (" + e + ")");
        }
    }

    /** A loaded snapshot: its tensors and state. */
    public record Loaded(Map<String, TensorData> tensors, ObjectNode meta) {

        /** Restores the state saved under {@code name} into {@code target}; false if none was saved. */
        public boolean restore(String name, Stateful target) {
            String prefix = "opt/" + name + "/";
            Map<String, TensorData> t = new HashMap<>();
            tensors.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    t.put(k.substring(prefix.length()), v);
                }
            });
            Map<String, Double> s = new HashMap<>();
            JsonNode scalars = meta.path("scalars");
            for (Iterator<String> it = scalars.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (k.startsWith(prefix)) {
                    s.put(k.substring(prefix.length()), scalars.get(k).asDouble());
                }
            }
            if (t.isEmpty() && s.isEmpty()) {
                return false;
            }
            target.loadState(t, s);
            return true;
        }
    }

    /**
     * Loads {@code dir} into {@code net} (weights, statistics, α and the extra architecture
     * parameters, decisions). A snapshot written under another mixing than the one installed on
     * {@code net} is refused: its supernet would be judged on a mixture it never trained.
     */
    public static Loaded load(Path dir, Supernet net) throws IOException {
        ObjectNode meta = (ObjectNode) Mappers.JSON.readTree(dir.resolve(STATE).toFile());
        String mixing = meta.path("mixing").asText("softmax"); // snapshots before API 0.3 all mixed with softmax
        if (!mixing.equals(net.arch().mixing().id())) {
            throw new dev.naslab.core.UserException(dir.resolve(STATE) + ": the supernet was trained with the '" + mixing
                    + "' mixing, but this trial's optimizer mixes with '" + net.arch().mixing().id()
                    + "'; select from it with the optimizer that trained it");
        }
        Map<String, TensorData> tensors = TensorFile.read(dir.resolve(TENSORS));
        TensorFile.copyInto(tensors, "w/", net.params().state());
        TensorFile.copyInto(tensors, "", net.arch().tensors());
        Map<String, int[]> decisions = new HashMap<>();
        meta.path("decisions").fields().forEachRemaining(e -> {
            int[] d = new int[e.getValue().size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = e.getValue().get(i).asInt();
            }
            decisions.put(e.getKey(), d);
        });
        net.arch().restoreDecisions(decisions);
        return new Loaded(tensors, meta);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
