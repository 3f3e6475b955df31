package dev.naslab.core.results;

import ai.djl.ndarray.NDArray;
import dev.naslab.api.train.TensorData;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named float tensors in one engine-neutral file: a header, then per tensor its name, shape and
 * little-endian values. Used for checkpoints of weights, α and optimizer state.
 */
public final class TensorFile {

    private static final int MAGIC = 0x4E4C5431; // "NLT1"

    private TensorFile() {
    }

    public static void write(Path file, Map<String, NDArray> tensors) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(tensors.size());
            for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
                long[] shape = e.getValue().getShape().getShape();
                float[] values = e.getValue().toFloatArray();
                out.writeUTF(e.getKey());
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                out.writeInt(values.length);
                ByteBuffer bb = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                bb.asFloatBuffer().put(values);
                out.write(bb.array());
            }
        }
    }

    public static Map<String, TensorData> read(Path file) throws IOException {
        Map<String, TensorData> out = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a naslab tensor file");
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                }
                byte[] bytes = new byte[in.readInt() * 4];
                in.readFully(bytes);
                float[] values = new float[bytes.length / 4];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
                out.put(name, new TensorData(shape, values));
            }
        }
        return out;
    }

    /** Copies saved values into existing arrays of the same name and shape, in place. */
    public static void copyInto(Map<String, TensorData> saved, String prefix, Map<String, NDArray> targets)
            throws IOException {
        for (Map.Entry<String, NDArray> t : targets.entrySet()) {
            TensorData d = saved.get(prefix + t.getKey());
            if (d == null) {
                throw new IOException("checkpoint has no tensor " + prefix + t.getKey());
            }
            if (d.values().length != t.getValue().getShape().size()) {
                throw new IOException("checkpoint tensor " + prefix + t.getKey() + " has " + d.values().length
                        + " values, the network expects " + t.getValue().getShape().size());
            }
            t.getValue().set(FloatBuffer.wrap(d.values()));
        }
    }
}
