package dev.naslab.core.cluster;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * The payloads of naslab's messages between coordinator and workers, as JSON inside a signed
 * {@link Envelope}; the sender of a request is the envelope's (checked) sender, never a field here.
 */
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
    record FileBlob(String path, @JsonIgnore byte[] bytes, boolean append) {
    }

    /**
     * A payload that carries files: their bytes travel as the envelope's attachments, raw (JSON would
     * make them base64 text), and are signed with the rest.
     */
    interface Carrier<T> {
        /** The files carried. */
        List<FileBlob> files();

        /** This payload with {@code files} (the same paths, with their bytes). */
        T withFiles(List<FileBlob> files);
    }

    /**
     * A trial handed to a worker.
     *
     * @param trial       trial id
     * @param attempt     1 for the first placement, then one more per re-run
     * @param spec        the trial's {@code TrialSpec} as JSON (the worker puts in its own plugin folders)
     * @param threads     intra-op threads
     * @param files       the coordinator's copy of the trial folder (checkpoints) to resume from
     */
    record Assignment(String trial, int attempt, String spec, int threads, List<FileBlob> files)
            implements Carrier<Assignment> {
        @Override
        public Assignment withFiles(List<FileBlob> f) {
            return new Assignment(trial, attempt, spec, threads, f);
        }
    }

    /**
     * How a worker's attempt ended.
     *
     * @param busy     the worker had no free slot and did not start it
     * @param stopped  the worker was shut down while it ran (the trial runs again elsewhere)
     * @param exitCode the trial JVM's exit code
     * @param folder   the worker's trial folder (its paths in messages are rewritten to the coordinator's)
     * @param error    why the worker could not run it at all (bad files, a folder it cannot make), or null
     */
    record Outcome(boolean busy, boolean stopped, int exitCode, String folder, String error) {
    }

    /** A worker's answer to a coordinator's greeting: it holds the token, and runs this naslab version. */
    record Hello(String version) {
    }

    /** A trial whose worker copy may go. */
    record Release(String trial) {
    }

    /**
     * A coordinator asks for what changed in a trial folder.
     *
     * @param known     the coordinator's files (path → SHA-256); others and changed ones come back
     * @param logOffset bytes of this attempt's trial log the coordinator has
     */
    record PullRequest(String trial, int attempt, Map<String, String> known, long logOffset)
            {
    }

    /** The files that changed. */
    record FileBatch(List<FileBlob> files) implements Carrier<FileBatch> {
        @Override
        public FileBatch withFiles(List<FileBlob> f) {
            return new FileBatch(f);
        }
    }

    /** A trial's progress report, published on the progress topic. */
    record ProgressNote(String trial, int attempt, String member, String phase, long total,
            long done, String note) {
    }
}
