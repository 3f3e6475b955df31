package dev.naslab.core.results;

import dev.naslab.core.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * naslab writes only into folders it made: a folder that does not exist yet, an empty one, or one
 * that carries its mark ({@value #MARK}, written when naslab first uses a folder; run folders of
 * earlier versions are known by their {@code plan.json} and {@code experiment.yaml}). A folder of
 * other files is refused, unless the user says {@code --force}; even then, no file naslab did not
 * write is replaced.
 */
public final class OutputFolder {

    /** The file that marks a folder as naslab's. */
    public static final String MARK = ".naslab";

    private OutputFolder() {
    }

    /**
     * Makes {@code dir} naslab's, or says why not.
     *
     * @param what   what writes there, for the mark and the messages ("naslab run x.yaml")
     * @param force  use a folder of other files too
     * @param writes the names naslab writes directly in {@code dir}: with {@code force}, none of them
     *               may exist already
     * @param forceHint how the user says force on this command (e.g. "--force")
     */
    public static void claim(Path dir, String what, boolean force, Collection<String> writes, String forceHint) {
        try {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
                throw new UserException(dir + " is a file, not a folder: give another output folder");
            }
            if (isNaslabs(dir)) {
                return;
            }
            List<String> others = contents(dir);
            if (!others.isEmpty()) {
                String sample = String.join(", ", others.subList(0, Math.min(5, others.size())))
                        + (others.size() > 5 ? " and " + (others.size() - 5) + " more" : "");
                if (!force) {
                    throw new UserException(dir + " holds files naslab did not write (" + sample + "); naslab writes only "
                            + "into a new or empty folder or one of its own: choose another output, or add " + forceHint
                            + " to use this folder anyway (no file in it is replaced)");
                }
                List<String> clash = writes.stream().filter(others::contains).toList();
                if (!clash.isEmpty()) {
                    throw new UserException(dir + " already holds " + String.join(", ", clash) + ", which naslab would "
                            + "replace; even with " + forceHint + " naslab does not overwrite files it did not write: "
                            + "choose another output folder");
                }
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(MARK), "This folder was written by " + what + ".\nnaslab writes into it again "
                    + "(resuming unfinished work); delete this file to stop that.\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cannot use " + dir + " as an output folder: " + e.getMessage());
        }
    }

    /** Whether {@code dir} carries naslab's mark, or is a run folder of a version before the mark. */
    public static boolean isNaslabs(Path dir) {
        return Files.isRegularFile(dir.resolve(MARK), LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(dir.resolve(RunLayout.PLAN)) && Files.isRegularFile(dir.resolve(RunLayout.EXPERIMENT));
    }

    private static List<String> contents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
