package dev.naslab.zerocost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.naslab.api.results.DecisionLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zero-Cost-PT's {@code decisions.jsonl}: the rounds' decisions, a {@code candidate} line ending each round, a
 * {@code validation} line per distinct candidate and the {@code choice}. A resumed selection keeps the lines of its
 * finished rounds and validations (what an interrupted one wrote after them is dropped and written again, the same)
 * and reads the candidates back from them.
 */
final class SelectionLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A round's result: its architecture and the decisions that give it. */
    record Candidate(String architecture, Map<String, int[]> decisions, List<Integer> rounds) {
    }

    private final Path file;
    private final List<Candidate> candidates = new ArrayList<>();

    private SelectionLog(Path file) {
        this.file = file;
    }

    /** The log of a selection that finished {@code rounds} rounds and {@code validated} validations. */
    static SelectionLog resume(Path file, int rounds, int validated) {
        SelectionLog log = new SelectionLog(file);
        if (!Files.exists(file)) {
            return log;
        }
        try {
            List<String> kept = new ArrayList<>();
            int validations = 0;
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                String kind = n.path("kind").asText();
                if (kind.equals("validation")) {
                    if (validations++ < validated) {
                        kept.add(line);
                    }
                    continue;
                }
                if (kind.equals("choice") || n.path("round").asInt(Integer.MAX_VALUE) >= rounds) {
                    continue;
                }
                kept.add(line);
                if (kind.equals("candidate")) {
                    Map<String, int[]> d = new LinkedHashMap<>();
                    n.get("decisions").fields().forEachRemaining(e -> {
                        int[] row = new int[e.getValue().size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = e.getValue().get(i).asInt();
                        }
                        d.put(e.getKey(), row);
                    });
                    log.add(n.get("round").asInt(), n.get("architecture").asText(), d);
                }
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, kept);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume from " + file + ": " + e.getMessage(), e);
        }
        return log;
    }

    private void add(int round, String architecture, Map<String, int[]> decisions) {
        for (Candidate c : candidates) {
            if (c.architecture().equals(architecture)) {
                c.rounds().add(round);
                return;
            }
        }
        candidates.add(new Candidate(architecture, decisions, new ArrayList<>(List.of(round))));
    }

    void candidate(int round, String architecture, Map<String, int[]> decisions) {
        Map<String, int[]> copy = new LinkedHashMap<>();
        decisions.forEach((k, v) -> copy.put(k, v.clone()));
        add(round, architecture, copy);
        DecisionLog.append(file, DecisionLog.line().put("round", round).put("kind", "candidate")
                .put("architecture", architecture).put("decisions", copy));
    }

    /** The distinct candidates, in the order they first appeared. */
    List<Candidate> distinct() {
        return candidates;
    }

    void validation(Candidate c, double score, int batches) {
        DecisionLog.append(file, DecisionLog.line().put("kind", "validation").put("architecture", c.architecture())
                .put("rounds", c.rounds()).put("score", ZeroCostPtSelector.finite(score)).put("batches", batches));
    }

    void choice(Candidate c, double score, int distinct) {
        DecisionLog.append(file, DecisionLog.line().put("kind", "choice").put("architecture", c.architecture())
                .put("score", ZeroCostPtSelector.finite(score)).put("distinct_candidates", distinct));
    }
}
