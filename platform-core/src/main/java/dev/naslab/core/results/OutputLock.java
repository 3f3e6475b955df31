package dev.naslab.core.results;

import dev.naslab.core.UserException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One {@code naslab run} per output folder: an OS file lock on {@code <output>/.lock}, which the
 * operating system releases when the holder exits or dies, so a killed run never blocks the next
 * one. The file says who holds it, for the message the second run prints.
 */
public final class OutputLock implements AutoCloseable {

    static final String FILE = RunLayout.LOCK;

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code output} or says which run holds it. */
    public static OutputLock acquire(Path output, String what) {
        Path file = output.resolve(FILE);
        try {
            Files.createDirectories(output);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                ch.close();
                throw new UserException(output + " is in use by another naslab run (" + (holder.isEmpty() ? "starting"
                        : holder) + "); wait for it to finish or stop it, or give this run another output (--set output=...)");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", " + what + ", started "
                    + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new OutputLock(ch, l);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new UserException(output + " is in use by another run in this naslab process");
        } catch (IOException e) {
            throw new UserException("cannot lock " + file + ": " + reason(e));
        }
    }

    /** What went wrong, in words: file-system exceptions often carry only the path as their message. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released with the process anyway
        }
    }
}
