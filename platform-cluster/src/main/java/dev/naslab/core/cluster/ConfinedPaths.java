package dev.naslab.core.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Names that arrive over the network and become paths: each is checked where it is used, then
 * resolved under its base, normalised, required to stay there, and refused when a folder on the way
 * is a symbolic link (a link inside a trial folder must not lead a read, write or delete out of it).
 */
final class ConfinedPaths {

    /** One segment of a file's path inside a trial folder. */
    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,255}");
    private static final int MAX_DEPTH = 8;

    private ConfinedPaths() {
    }

    /** {@code id} if it is a trial id; otherwise an {@link IllegalArgumentException} that says what is allowed. */
    static String trialId(String id) {
        if (!dev.naslab.core.plan.TrialSpec.isValidId(id)) {
            throw new IllegalArgumentException("'" + printable(id) + "' is not a trial id ("
                    + dev.naslab.core.plan.TrialSpec.ID_RULE + ")");
        }
        return id;
    }

    /** {@code id} if it is a member uuid as Hazelcast prints it. */
    static String memberId(String id) {
        try {
            if (id != null && UUID.fromString(id).toString().equals(id)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + printable(id) + "' is not a member id (a UUID)");
    }

    /** The folder of {@code trial} of {@code coordinator} under a worker's {@code base}. */
    static Path trialFolder(Path base, String coordinator, String trial) {
        return confine(base, base.resolve(memberId(coordinator)).resolve(trialId(trial)));
    }

    /**
     * The file {@code relative} ({@code /}-separated, as {@link FolderSync} sends them) under the
     * trial folder {@code dir}.
     */
    static Path file(Path dir, String relative) {
        if (relative == null || relative.isEmpty() || relative.length() > 1000) {
            throw new IllegalArgumentException("'" + printable(relative) + "' is not a file of a trial folder");
        }
        String[] parts = relative.split("/", -1);
        if (parts.length > MAX_DEPTH) {
            throw new IllegalArgumentException("'" + printable(relative) + "' lies deeper than " + MAX_DEPTH
                    + " folders in a trial folder");
        }
        Path p = dir;
        for (String part : parts) {
            if (!SEGMENT.matcher(part).matches() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("'" + printable(relative) + "' is not a file of a trial folder ("
                        + "a relative path of names separated by '/', without '.', '..' or control characters)");
            }
            p = p.resolve(part);
        }
        return confine(dir, p);
    }

    /**
     * {@code target}, normalised, if it stays under {@code base} and nothing on the way from
     * {@code base} to it (itself included) is a symbolic link.
     */
    static Path confine(Path base, Path target) {
        Path b = base.toAbsolutePath().normalize();
        Path t = target.toAbsolutePath().normalize();
        if (!t.startsWith(b) || t.equals(b)) {
            throw new IllegalArgumentException(t + " is not inside " + b);
        }
        Path cur = b;
        for (Path part : b.relativize(t)) {
            cur = cur.resolve(part);
            if (Files.isSymbolicLink(cur)) {
                throw new IllegalArgumentException(cur + " is a symbolic link; naslab does not follow links inside "
                        + b);
            }
        }
        return t;
    }

    /** Whether {@code f} is a regular file itself (not a link to one). */
    static boolean plainFile(Path f) {
        return Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS);
    }

    /** Refuses to replace a symbolic link or a folder with a file. */
    static void checkReplaceable(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException(target + " is a symbolic link; naslab does not write through links");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " is a folder, not a file");
        }
    }

    /** {@code s} shortened and with control characters shown as '?', for messages. */
    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        String t = s.length() > 120 ? s.substring(0, 120) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
