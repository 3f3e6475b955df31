package dev.naslab.dataset.images;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Reads the IDX format of MNIST and Fashion-MNIST (unsigned bytes), gzipped or raw. */
final class IdxReader {

    /**
     * An IDX array.
     *
     * @param dims dimensions
     * @param data the bytes
     */
    record Idx(int[] dims, byte[] data) {
    }

    private IdxReader() {
    }

    static Idx read(InputStream raw, boolean gzip, String name) throws IOException {
        InputStream in = new BufferedInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16);
        try (DataInputStream d = new DataInputStream(in)) {
            int magic = d.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != 0x08) {
                throw new IOException(name + " is not an unsigned-byte IDX file (magic " + Integer.toHexString(magic) + ")");
            }
            int[] dims = new int[magic & 0xff];
            long size = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = d.readInt();
                size *= dims[i];
            }
            if (size > Integer.MAX_VALUE) {
                throw new IOException(name + " is too large");
            }
            byte[] data = new byte[(int) size];
            d.readFully(data);
            return new Idx(dims, data);
        }
    }
}
