package dev.naslab.core.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every name naslab writes in a run folder, in one place: the coordinator, the trial JVM, the cluster's folder
 * sync, Slurm jobs, {@code plan}, {@code status} and the report all read and write the same layout
 * (docs/run-folder.md shows it).
 *
 * <pre>
 * runs/&lt;name&gt;/experiment.yaml, plan.json, status.json, results.csv, summary.csv, report.md, report.html, .lock
 * runs/&lt;name&gt;/&lt;trial&gt;/trial.json, manifest.json, cells.json, trial.log, progress.txt, result.json
 * runs/&lt;name&gt;/&lt;trial&gt;/slurm.json, slurm-job.sh (trials run as Slurm jobs)
 * runs/&lt;name&gt;/&lt;trial&gt;/search/metrics.jsonl, decisions.jsonl, checkpoint-NNNN/
 * runs/&lt;name&gt;/&lt;trial&gt;/select-&lt;label&gt;/architecture.json, decisions.jsonl, progress/, eval-&lt;label&gt;/result.json
 * runs/&lt;name&gt;/&lt;trial&gt;/baseline/architecture.json, eval-&lt;label&gt;/result.json
 * </pre>
 */
public final class RunLayout {

    /** The resolved experiment, in the output folder. */
    public static final String EXPERIMENT = "experiment.yaml";
    /** Each trial's state, job and note while a run goes on, in the output folder. */
    public static final String STATUS = "status.json";
    /** Held by the one naslab process that writes the output folder. */
    public static final String LOCK = ".lock";
    /** The comparison of the variants ({@code naslab report}), in the output folder. */
    public static final String SUMMARY = "summary.csv";
    /** The comparison as Markdown, in the output folder. */
    public static final String REPORT_MD = "report.md";
    /** The comparison as HTML with its plots, in the output folder. */
    public static final String REPORT_HTML = "report.html";
    /** The files of the Slurm probe job, in the output folder. */
    public static final List<String> SLURM_PROBE = List.of("slurm-probe.sh", "slurm-probe.out", "slurm-probe.txt");
    /** The trial ids in order, in the output folder. */
    public static final String PLAN = "plan.json";
    /** One row per trial × selector × evaluator, in the output folder. */
    public static final String RESULTS = "results.csv";
    /** The trial's resolved specification (experiment, seed, plugins), in a trial folder. */
    public static final String TRIAL_SPEC = "trial.json";
    /** The trial's current phase and step, in a trial folder. */
    public static final String PROGRESS = "progress.txt";
    /** The Slurm jobs of a trial, in a trial folder. */
    public static final String SLURM_JOBS = "slurm.json";
    /** The Slurm batch script of a trial, in a trial folder. */
    public static final String SLURM_SCRIPT = "slurm-job.sh";
    /** The trial JVM's output, in a trial folder. */
    public static final String TRIAL_LOG = "trial.log";
    /** A finished trial's outcome, in a trial folder; also a finished evaluation's, in its {@code eval-} folder. */
    public static final String RESULT = "result.json";
    /** Provenance of a trial, in a trial folder. */
    public static final String MANIFEST = "manifest.json";
    /** The space's cell types, in a trial folder. */
    public static final String CELLS = "cells.json";
    /** The search's folder, in a trial folder. */
    public static final String SEARCH = "search";
    /** Per-epoch metrics, in the search folder. */
    public static final String METRICS = "metrics.jsonl";
    /** Decisions (SGAS's in the search folder, a selector's in its folder). */
    public static final String DECISIONS = "decisions.jsonl";
    /** A search's early-stopping decisions that were carried out, one JSON line each (in the search folder). */
    public static final String STOPS = "stops.jsonl";
    /** A selected or fixed architecture, in a selection or baseline folder. */
    public static final String ARCHITECTURE = "architecture.json";
    /** A baseline trial's folder for its fixed architecture, in a trial folder. */
    public static final String BASELINE = "baseline";
    /** The prefix of a selector's folder, followed by its label. */
    public static final String SELECT_PREFIX = "select-";
    /** The prefix of an evaluator's folder, followed by its label. */
    public static final String EVAL_PREFIX = "eval-";

    /** The comparison's three files, written together. */
    public static final List<String> REPORT = List.of(SUMMARY, REPORT_MD, REPORT_HTML);

    /** Every file {@code naslab run} writes at the top of an output folder (a folder holding others is not its). */
    public static final List<String> RUN_WRITES = Stream.concat(Stream.of(EXPERIMENT, PLAN, RESULTS, SUMMARY, REPORT_MD,
            REPORT_HTML, STATUS, LOCK), SLURM_PROBE.stream()).toList();

    private static final Pattern CHECKPOINT = Pattern.compile("checkpoint-(\\d+)");

    private RunLayout() {
    }

    /** {@return the search folder of a trial folder} @param trialDir a trial folder */
    public static Path search(Path trialDir) {
        return trialDir.resolve(SEARCH);
    }

    /** {@return a selector's folder} @param trialDir a trial folder @param label the selector's label */
    public static Path selection(Path trialDir, String label) {
        return trialDir.resolve(SELECT_PREFIX + label);
    }

    /** {@return an evaluator's folder} @param selectionDir a selection or baseline folder @param label the evaluator's label */
    public static Path evaluation(Path selectionDir, String label) {
        return selectionDir.resolve(EVAL_PREFIX + label);
    }

    /** {@return the checkpoint written after {@code epochsDone} epochs} @param searchDir a search folder @param epochsDone epochs done */
    public static Path checkpoint(Path searchDir, int epochsDone) {
        return searchDir.resolve(String.format("checkpoint-%04d", epochsDone));
    }

    /** {@return whether a file name is a checkpoint folder's (not a moved-aside {@code .damaged} one)} @param name a file name */
    public static boolean isCheckpoint(String name) {
        return CHECKPOINT.matcher(name).matches();
    }

    /** {@return the epochs a checkpoint folder's name says were done} @param name a checkpoint folder's name */
    public static int checkpointEpochs(String name) {
        var m = CHECKPOINT.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " is not a checkpoint folder");
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * The checkpoint folders of a search folder, oldest first.
     *
     * @param searchDir a search folder, which need not exist
     * @return its checkpoint folders, ordered by epochs done
     */
    public static List<Path> checkpoints(Path searchDir) {
        if (!Files.isDirectory(searchDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(searchDir)) {
            return s.filter(p -> isCheckpoint(p.getFileName().toString()) && Files.isDirectory(p))
                    .sorted(java.util.Comparator.comparingInt(p -> checkpointEpochs(p.getFileName().toString())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the newest checkpoint folder of a search folder, if any} @param searchDir a search folder */
    public static Optional<Path> newestCheckpoint(Path searchDir) {
        List<Path> all = checkpoints(searchDir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
