package dev.naslab.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.naslab.core.config.Mappers;
import dev.naslab.core.results.AtomicFiles;
import dev.naslab.core.results.RunLayout;
import dev.naslab.core.stop.EarlyStopper;
import dev.naslab.core.stop.EpochRecord;
import dev.naslab.core.stop.StopDecision;
import dev.naslab.core.stop.StopEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A search's side of its early-stopping rule: the trace the rule reads (rebuilt from
 * {@code metrics.jsonl} on resume), the decisions carried out ({@code search/stops.jsonl}, read again on
 * resume), which checkpoints the search must keep for a later roll-back, and what a DARTS-ADA
 * roll-back sets aside: the later epochs' lines and checkpoints go to {@code search/superseded-<n>/}
 * (kept for a look, never read again), tagged so that a roll-back interrupted anywhere completes on
 * resume. Every step is idempotent, so a killed search decides and ends as the uninterrupted one.
 */
final class EarlyStopping {

    /** Key of the roll-back count in metrics lines and checkpoint state after a DARTS-ADA roll-back. */
    static final String ITERATION = "iteration";

    private final EarlyStopper stopper;
    private final Path dir;
    private final List<StopEvent> events = new ArrayList<>();
    private final List<EpochRecord> history = new ArrayList<>();

    EarlyStopping(EarlyStopper stopper, Path dir) throws IOException {
        this.stopper = stopper;
        this.dir = dir;
        Path log = dir.resolve(RunLayout.STOPS);
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                if (!line.isBlank()) {
                    events.add(Mappers.JSON.readValue(line, StopEvent.class));
                }
            }
        }
    }

    EarlyStopper stopper() {
        return stopper;
    }

    /** {@return the roll-backs so far: the search's current iteration} */
    int iteration() {
        return (int) events.stream().filter(e -> e.action().equals(StopEvent.ADAPT)).count();
    }

    /** {@return the last roll-back, if any} */
    Optional<StopEvent> lastRollback() {
        return events.stream().filter(e -> e.action().equals(StopEvent.ADAPT)).reduce((a, b) -> b);
    }

    /** {@return the factor on the optimizer's weight decay now (1 before any roll-back)} */
    double weightDecayFactor() {
        return lastRollback().map(StopEvent::weightDecayFactor).orElse(1.0);
    }

    /** {@return the stop that ended this search, if it has ended so} */
    Optional<StopEvent> finalStop() {
        return events.stream().filter(e -> e.action().equals(StopEvent.STOP)).findFirst();
    }

    /** {@return every decision carried out, as the results table shows them; empty for none} */
    String summary() {
        return String.join("; ", events.stream().map(StopEvent::summary).toList());
    }

    /** Carries out the record of a decision: appended to {@code stops.jsonl} before anything acts on it. */
    void record(StopEvent e) {
        AtomicFiles.appendJsonLine(dir.resolve(RunLayout.STOPS), e);
        events.add(e);
        System.out.println("naslab: " + e.summary());
    }

    /**
     * Sets aside what each roll-back superseded and is still in place: checkpoints after its epoch
     * from before it (so that the search resumes from its epoch), and the lines of those epochs
     * (written once to {@code superseded-<n>/metrics.jsonl}; the resume then drops them).
     */
    void supersede() throws IOException {
        int n = 0;
        for (StopEvent e : events) {
            if (!e.action().equals(StopEvent.ADAPT)) {
                continue;
            }
            n++;
            Path aside = dir.resolve("superseded-" + n);
            Files.createDirectories(aside);
            Path lines = aside.resolve(RunLayout.METRICS);
            Path metrics = dir.resolve(RunLayout.METRICS);
            if (!Files.exists(lines) && Files.exists(metrics)) {
                StringBuilder kept = new StringBuilder();
                for (String line : Files.readAllLines(metrics)) {
                    JsonNode j = Mappers.JSON.readTree(line);
                    if (j.path("epoch").asInt() > e.resultEpoch() && j.path(ITERATION).asInt(0) < n) {
                        kept.append(line).append('\n');
                    }
                }
                AtomicFiles.writeString(lines, kept.toString());
            }
            for (Path c : RunLayout.checkpoints(dir)) {
                int epoch = RunLayout.checkpointEpochs(c.getFileName().toString());
                if (epoch > e.resultEpoch() && checkpointIteration(c) < n) {
                    Files.move(c, aside.resolve(c.getFileName()));
                }
            }
        }
    }

    private static int checkpointIteration(Path checkpoint) {
        try {
            return Mappers.JSON.readTree(checkpoint.resolve("state.json").toFile()).path(ITERATION).asInt(0);
        } catch (IOException e) {
            return 0; // unreadable: the resume's damage check deals with it
        }
    }

    /** Rebuilds the trace from the lines the resumed search keeps. */
    void replay(Path metrics) throws IOException {
        history.clear();
        if (Files.exists(metrics)) {
            for (String line : Files.readAllLines(metrics)) {
                if (!line.isBlank()) {
                    history.add(record(Mappers.JSON.readTree(line)));
                }
            }
        }
    }

    /** {@return the rule's decision after the trace's last epoch (nothing before the first)} @param epochs the search's epochs */
    StopDecision decide(int epochs) {
        return stopper.decide(List.copyOf(history), epochs, List.copyOf(events));
    }

    /** Adds an epoch's line to the trace. @param line the line as written to metrics.jsonl */
    void add(Map<String, Object> line) {
        history.add(record(Mappers.JSON.valueToTree(line)));
    }

    /** {@return the architecture derived after {@code epoch}, as its line says} @param epoch an epoch of the trace */
    String architectureAfter(int epoch) {
        return history.stream().filter(r -> r.epoch() == epoch).map(EpochRecord::architecture).findFirst().orElse("");
    }

    /**
     * Removes the checkpoints kept only for a roll-back that can no longer reach them: not on the
     * {@code checkpoint_every} schedule, not the last, more than the rule's reach before {@code epoch}.
     */
    void prune(int epoch, int checkpointEvery) throws IOException {
        for (Path c : RunLayout.checkpoints(dir)) {
            int e = RunLayout.checkpointEpochs(c.getFileName().toString());
            if (e % checkpointEvery != 0 && e < epoch - stopper.reach() && stopper.mayReturn(e)) {
                SupernetCheckpoint.deleteTree(c);
            }
        }
    }

    static EpochRecord record(JsonNode line) {
        Map<String, Long> skips = new LinkedHashMap<>();
        for (Iterator<String> it = line.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (k.startsWith("skip_connect_")) {
                skips.put(k.substring("skip_connect_".length()), line.get(k).asLong());
            }
        }
        JsonNode ev = line.get("hessian_eigenvalue");
        return new EpochRecord(line.path("epoch").asInt(), ev != null && ev.isNumber() ? OptionalDouble.of(ev.asDouble())
                : OptionalDouble.empty(), skips, line.path("architecture").asText(""));
    }
}
