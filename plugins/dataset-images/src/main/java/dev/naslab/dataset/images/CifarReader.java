package dev.naslab.dataset.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the CIFAR binary format: per image a label byte (CIFAR-100: coarse then fine label)
 * followed by 3,072 bytes, the 32×32 red, green and blue planes.
 */
final class CifarReader {

    static final int PIXELS = 3 * 32 * 32;

    /**
     * Images and labels.
     *
     * @param pixels  CHW bytes per image
     * @param labels  class per image
     */
    record Images(byte[] pixels, int[] labels) {
    }

    private CifarReader() {
    }

    /** Reads {@code files} in order; {@code labelBytes} is 1 (CIFAR-10) or 2 (CIFAR-100, fine label). */
    static Images read(List<Path> files, int labelBytes) throws IOException {
        int record = labelBytes + PIXELS;
        long total = 0;
        for (Path f : files) {
            long size = Files.size(f);
            if (size % record != 0) {
                throw new IOException(f + " is not in the CIFAR binary format: " + size + " bytes is not a multiple of "
                        + record);
            }
            total += size / record;
        }
        byte[] pixels = new byte[(int) (total * PIXELS)];
        int[] labels = new int[(int) total];
        int n = 0;
        for (Path f : files) {
            byte[] data = Files.readAllBytes(f);
            for (int off = 0; off < data.length; off += record, n++) {
                labels[n] = data[off + labelBytes - 1] & 0xff;
                System.arraycopy(data, off + labelBytes, pixels, n * PIXELS, PIXELS);
            }
        }
        return new Images(pixels, labels);
    }
}
