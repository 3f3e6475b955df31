package dev.naslab.core.cluster;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The records that cross the wire between coordinator and workers (Java serialization; host classes only). */
final class Messages {

    private Messages() {
    }

    /**
     * A file of a trial folder, or the new end of an append-only one.
     *
     * @param path   relative path with {@code /} separators
     * @param bytes  content
     * @param append whether {@code bytes} continue the file (the trial log) rather than replace it
     */
    record FileBlob(String path, byte[] bytes, boolean append) implements Serializable {
    }

    /**
     * A trial handed to a worker.
     *
     * @param coordinator the coordinator member's uuid (the worker stops the trial when it leaves)
     * @param trial       trial id
     * @param attempt     1 for the first placement, then one more per re-run
     * @param spec        the trial's {@code TrialSpec} as JSON (the worker puts in its own plugin folders)
     * @param threads     intra-op threads
     * @param files       the coordinator's copy of the trial folder (checkpoints) to resume from
     */
    record Assignment(String coordinator, String trial, int attempt, String spec, int threads, List<FileBlob> files)
            implements Serializable {
    }

    /**
     * How a worker's attempt ended.
     *
     * @param busy     the worker had no free slot and did not start it
     * @param stopped  the worker was shut down while it ran (the trial runs again elsewhere)
     * @param exitCode the trial JVM's exit code
     * @param folder   the worker's trial folder (its paths in messages are rewritten to the coordinator's)
     */
    record Outcome(boolean busy, boolean stopped, int exitCode, String folder) implements Serializable {
    }

    /**
     * A coordinator asks for what changed in a trial folder.
     *
     * @param known     the coordinator's files (path → SHA-256); others and changed ones come back
     * @param logOffset bytes of this attempt's trial log the coordinator has
     */
    record PullRequest(String coordinator, String trial, int attempt, Map<String, String> known, long logOffset)
            implements Serializable {
    }

    /** The files that changed. */
    record FileBatch(List<FileBlob> files) implements Serializable {
    }

    /** A trial's progress report, published on the progress topic. */
    record ProgressNote(String coordinator, String trial, int attempt, String member, String phase, long total,
            long done, String note) implements Serializable {
    }
}
