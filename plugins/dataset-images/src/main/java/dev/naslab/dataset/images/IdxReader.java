package dev.naslab.dataset.images;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Reads the IDX format of MNIST and Fashion-MNIST (unsigned bytes), gzipped or raw. */
final class IdxReader {

    /** The largest data part read (the JVM's array limit, less its header). */
    static final long MAX_BYTES = Integer.MAX_VALUE - 16;

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

    /**
     * Reads an unsigned-byte IDX file; a truncated or corrupt file is an {@link IOException} whose
     * message names the file and what is wrong with it.
     */
    static Idx read(InputStream raw, boolean gzip, String name) throws IOException {
        try {
            return readUnchecked(raw, gzip, name);
        } catch (java.io.EOFException e) {
            throw new IOException(name + " is truncated: it ends before the " + (gzip ? "compressed " : "")
                    + "data its header announces (an interrupted download or copy?)");
        } catch (java.util.zip.ZipException e) {
            throw new IOException(name + " is not a valid gzip file (" + e.getMessage() + ")");
        }
    }

    private static Idx readUnchecked(InputStream raw, boolean gzip, String name) throws IOException {
        InputStream in = new BufferedInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16);
        try (DataInputStream d = new DataInputStream(in)) {
            int magic = d.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != 0x08) {
                throw new IOException(name + " is not an unsigned-byte IDX file (magic " + Integer.toHexString(magic) + ")");
            }
            if ((magic & 0xff) < 1 || (magic & 0xff) > 4) {
                throw new IOException(name + " declares " + (magic & 0xff) + " dimensions; image and label files "
                        + "have 1 to 3");
            }
            int[] dims = new int[magic & 0xff];
            long size = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = d.readInt();
                if (dims[i] < 0) {
                    throw new IOException(name + " declares a negative size (" + dims[i] + ")");
                }
                size *= dims[i];
            }
            if (size > MAX_BYTES) {
                throw new IOException(name + " announces " + size + " bytes of data; naslab reads IDX files of at "
                        + "most " + MAX_BYTES + " bytes");
            }
            // read what is there rather than allocate what the header claims: a header that announces
            // more than the file holds is a truncated file, not an out-of-memory error
            byte[] data = d.readNBytes((int) size);
            if (data.length < size) {
                throw new java.io.EOFException(name + " holds " + data.length + " of the " + size + " bytes its header "
                        + "announces");
            }
            if (d.read() != -1) {
                throw new IOException(name + " has more data than its header announces (" + size + " bytes)");
            }
            return new Idx(dims, data);
        }
    }
}
