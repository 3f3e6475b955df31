package dev.naslab.dataset.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a dataset's files are when the experiment does not say ({@code path} left out) or gives a
 * relative path that is not under the working folder: the data root {@code $NASLAB_DATA}, then the
 * folder Debian's dataset packages install to ({@code /usr/share/datasets}). Resolved where the
 * trial runs, so each machine finds its own copy.
 */
final class DataRoot {

    static final String ENV = "NASLAB_DATA";
    static final Path DEBIAN = Path.of("/usr/share/datasets");

    private DataRoot() {
    }

    /** The folders tried for {@code path} (null: the dataset's own name) of dataset {@code id}, in order. */
    static List<Path> candidates(String id, String path) {
        return candidates(id, path, System.getenv(ENV));
    }

    static List<Path> candidates(String id, String path, String root) {
        List<Path> out = new ArrayList<>();
        if (path != null) {
            out.add(Path.of(path));
            if (Path.of(path).isAbsolute()) {
                return out;
            }
        }
        String name = path != null ? path : id;
        if (root != null && !root.isBlank()) {
            out.add(Path.of(root).resolve(name));
        }
        if (path == null) {
            out.add(DEBIAN.resolve(name));
        }
        return out;
    }

    /** The first candidate folder that exists. */
    static Optional<Path> find(String id, String path) {
        return candidates(id, path).stream().filter(Files::isDirectory).findFirst();
    }

    /** Where it looked, for the message when nothing was found. */
    static String looked(String id, String path) {
        List<String> where = new ArrayList<>();
        for (Path p : candidates(id, path)) {
            where.add(p.toString());
        }
        String root = System.getenv(ENV);
        boolean rootMatters = path == null || !Path.of(path).isAbsolute();
        return String.join(", ", where) + (rootMatters && (root == null || root.isBlank()) ? " (" + ENV
                + " is not set)" : "");
    }
}
