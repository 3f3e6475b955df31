package dev.naslab.core.cluster;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.cluster.Messages.FileBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Keeps a trial folder on the coordinator in step with the worker's copy by content hash. Files
 * are written atomically (temporary sibling, then rename) on both sides, and checkpoints appear as
 * renamed folders, so a file seen here is complete; temporaries ({@code *.tmp}) are skipped.
 * {@code trial.json} is each side's own (plugin folders differ); {@code trial.log} travels as
 * appended text. Symbolic links in a trial folder are neither sent nor written through.
 */
final class FolderSync {

    static final String LOG = RunLayout.TRIAL_LOG;
    static final String SPEC = RunLayout.TRIAL_SPEC;
    static final String RESULT = RunLayout.RESULT;

    private record Stamp(long size, long modified, String sha256) {
    }

    private final Map<Path, Stamp> hashes = new ConcurrentHashMap<>();

    /** Every synced file of {@code dir} with its SHA-256 (the log and the spec excluded). */
    Map<String, String> manifest(Path dir) {
        Map<String, String> out = new TreeMap<>();
        for (Path f : files(dir)) {
            out.put(relative(dir, f), sha256(f));
        }
        return out;
    }

    /** What {@code dir} has that {@code known} lacks or holds otherwise, and the log past {@code logOffset}. */
    List<FileBlob> changed(Path dir, Map<String, String> known, long logOffset) {
        List<FileBlob> out = new ArrayList<>();
        for (Path f : files(dir)) {
            String rel = relative(dir, f);
            try {
                if (!sha256(f).equals(known.get(rel))) {
                    out.add(new FileBlob(rel, read(f), false));
                }
            } catch (UncheckedIOException e) {
                // replaced or removed while we looked: the next pull takes its new state
            }
        }
        Path log = dir.resolve(LOG);
        try {
            if (ConfinedPaths.plainFile(log) && Files.size(log) > logOffset && logOffset >= 0) {
                try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
                    ch.position(logOffset);
                    try (InputStream in = Channels.newInputStream(ch)) {
                        out.add(new FileBlob(LOG, in.readAllBytes(), true));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** How many of the newest complete checkpoints a new attempt gets (the newest, and one to fall back on). */
    static final int CHECKPOINTS_SENT = 2;

    /**
     * The folder's files a new attempt resumes from: all synced files but the result, and of the
     * search checkpoints only the newest {@link #CHECKPOINTS_SENT} complete ones (a search resumes
     * from the newest; older ones would only make the message large).
     */
    List<FileBlob> resumeFiles(Path dir) {
        java.util.Set<Path> kept = newestCheckpoints(RunLayout.search(dir));
        List<FileBlob> out = new ArrayList<>();
        for (Path f : files(dir)) {
            String rel = relative(dir, f);
            Path parent = f.getParent();
            boolean oldCheckpoint = RunLayout.isCheckpoint(parent.getFileName().toString()) && !kept.contains(parent);
            if (!rel.equals(RESULT) && !oldCheckpoint) {
                out.add(new FileBlob(rel, read(f), false));
            }
        }
        return out;
    }

    private static java.util.Set<Path> newestCheckpoints(Path search) {
        if (!Files.isDirectory(search)) {
            return java.util.Set.of();
        }
        try (Stream<Path> s = Files.list(search)) {
            return s.filter(p -> RunLayout.isCheckpoint(p.getFileName().toString()))
                    .filter(p -> Files.isRegularFile(p.resolve("state.json")))
                    .sorted(java.util.Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .limit(CHECKPOINTS_SENT).collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            return java.util.Set.of();
        }
    }

    /**
     * Writes {@code b} under {@code dir}: appended, or atomically replaced. Its path must stay in
     * {@code dir} without passing a symbolic link, and may not name a folder; no temporary is left
     * behind when it cannot be written.
     */
    static void write(Path dir, FileBlob b) {
        Path target = check(dir, b);
        Path tmp = target.resolveSibling(target.getFileName() + ".sync.tmp");
        try {
            Files.createDirectories(target.getParent());
            ConfinedPaths.confine(dir, target.getParent().resolve("x")); // no link made on the way meanwhile
            ConfinedPaths.checkReplaceable(target);
            if (b.append()) {
                Files.write(target, b.bytes(), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        LinkOption.NOFOLLOW_LINKS);
                return;
            }
            ConfinedPaths.checkReplaceable(tmp);
            Files.write(tmp, b.bytes(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                if (!Files.isSymbolicLink(tmp) && Files.isRegularFile(tmp, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(tmp);
                }
            } catch (IOException e) {
                // the name stays a temporary, which no pull sends
            }
        }
    }

    /** Where {@code b} goes under {@code dir}, or an {@link IllegalArgumentException} saying why it may not. */
    static Path check(Path dir, FileBlob b) {
        if (b == null || b.bytes() == null) {
            throw new IllegalArgumentException("refusing an empty file entry for " + dir);
        }
        try {
            return ConfinedPaths.file(dir, b.path());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("refusing a file outside the trial folder " + dir + ": " + e.getMessage());
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(ConfinedPaths::plainFile).filter(f -> synced(dir, f)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            // a checkpoint folder renamed while we walked: the next pull sees the new state
            return List.of();
        }
    }

    private static boolean synced(Path dir, Path f) {
        Path rel = dir.relativize(f);
        for (Path part : rel) {
            if (part.toString().endsWith(".tmp")) {
                return false;
            }
        }
        String s = rel.toString();
        return !s.equals(LOG) && !s.equals(SPEC);
    }

    private static String relative(Path dir, Path f) {
        return dir.relativize(f).toString().replace(java.io.File.separatorChar, '/');
    }

    private String sha256(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            Stamp s = hashes.get(f);
            if (s == null || s.size() != a.size() || s.modified() != a.lastModifiedTime().toMillis()) {
                s = new Stamp(a.size(), a.lastModifiedTime().toMillis(), dev.naslab.core.results.Provenance.sha256(f));
                hashes.put(f, s);
            }
            return s.sha256();
        } catch (IOException e) {
            return "";
        }
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
