package dev.naslab.core.results;

import dev.naslab.core.config.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes that never leave a half-written file: write a temporary sibling, then rename. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Moves {@code file} aside as {@code <name>.<why>-<epoch millis>} (with {@code -2}, {@code -3} ... when
     * that name is taken: two files set aside within one millisecond), never over another file.
     *
     * @return where it went
     */
    public static Path setAside(Path file, String why) throws java.io.IOException {
        String base = file.getFileName() + "." + why + "-" + java.time.Instant.now().toEpochMilli();
        for (int n = 1; ; n++) {
            Path aside = file.resolveSibling(n == 1 ? base : base + "-" + n);
            try {
                return Files.move(file, aside); // without REPLACE_EXISTING: fails if the name is taken
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // try the next name
            }
        }
    }

    /**
     * Writes {@code text} to {@code file} through a temporary sibling; on failure (a full disk) the
     * temporary file is removed and {@code file} keeps its previous content.
     */
    public static void writeString(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the disk may refuse even that; the original file is untouched either way
            }
            throw new UncheckedIOException("cannot write " + file + ": " + reason(e) + " (its previous content, if "
                    + "any, is kept)", e);
        }
    }

    /** "No space left on device" and the like, with the exception's class when it has no message. */
    static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Pretty JSON of {@code value}, written atomically. */
    public static void writeJson(Path file, Object value) {
        try {
            writeString(file, Mappers.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends one JSON line (for logs such as metrics.jsonl). */
    public static void appendJsonLine(Path file, Object value) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Mappers.JSON.writeValueAsString(value) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + reason(e), e);
        }
    }
}
