package dev.naslab.dataset.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truncated or corrupt dataset files are named with what is wrong; a left-out path is looked up. */
class DamagedFilesTest {

    /** An IDX label file header for {@code n} labels followed by {@code present} bytes of data. */
    private static byte[] labels(int n, int present) {
        ByteBuffer b = ByteBuffer.allocate(8 + present);
        b.putInt(0x00000801).putInt(n);
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    @Test
    void truncatedRawFileIsNamed() {
        IOException e = assertThrows(IOException.class,
                () -> IdxReader.read(new ByteArrayInputStream(labels(100, 60)), false, "t10k-labels-idx1-ubyte"));
        assertEquals("t10k-labels-idx1-ubyte is truncated: it ends before the data its header announces "
                + "(an interrupted download or copy?)", e.getMessage());
    }

    @Test
    void aHeaderThatAnnouncesTwoGigabytesIsATruncatedFileNotAnOutOfMemoryError() {
        long heapBefore = Runtime.getRuntime().totalMemory();
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(
                new ByteArrayInputStream(labels(Integer.MAX_VALUE - 100, 100)), false, "train-labels-idx1-ubyte"));
        assertTrue(e.getMessage().startsWith("train-labels-idx1-ubyte is truncated"), e.getMessage());
        IOException max = assertThrows(IOException.class, () -> IdxReader.read(
                new ByteArrayInputStream(labels(Integer.MAX_VALUE, 100)), false, "train-labels-idx1-ubyte"));
        assertTrue(max.getMessage().startsWith("train-labels-idx1-ubyte announces 2147483647 bytes of data"),
                max.getMessage());
        assertTrue(Runtime.getRuntime().totalMemory() - heapBefore < 512L << 20, "no 2 GB array was made");
        ByteBuffer huge = ByteBuffer.allocate(16).putInt(0x00000803).putInt(65536).putInt(65536).putInt(65536);
        IOException big = assertThrows(IOException.class,
                () -> IdxReader.read(new ByteArrayInputStream(huge.array()), false, "images"));
        assertTrue(big.getMessage().contains("announces 281474976710656 bytes of data; naslab reads IDX files of at "
                + "most"), big.getMessage());
    }

    @Test
    void truncatedGzipIsNamed() throws Exception {
        byte[] z = gzip(labels(100, 100));
        byte[] cut = java.util.Arrays.copyOf(z, z.length / 2);
        IOException e = assertThrows(IOException.class,
                () -> IdxReader.read(new ByteArrayInputStream(cut), true, "train-labels-idx1-ubyte.gz"));
        assertTrue(e.getMessage().startsWith("train-labels-idx1-ubyte.gz is truncated"), e.getMessage());
    }

    @Test
    void notGzipAtAllIsNamed() {
        IOException e = assertThrows(IOException.class,
                () -> IdxReader.read(new ByteArrayInputStream("hello, not gzip".getBytes()), true, "x.gz"));
        assertTrue(e.getMessage().startsWith("x.gz is not a valid gzip file"), e.getMessage());
    }

    @Test
    void extraDataIsNamed() {
        IOException e = assertThrows(IOException.class,
                () -> IdxReader.read(new ByteArrayInputStream(labels(10, 12)), false, "labels"));
        assertEquals("labels has more data than its header announces (10 bytes)", e.getMessage());
    }

    @Test
    void leftOutPathLooksInTheDataRootThenDebian(@TempDir Path root) throws Exception {
        assertEquals(List.of(Path.of("/d/fashion-mnist"), Path.of("/usr/share/datasets/fashion-mnist")),
                DataRoot.candidates("fashion-mnist", null, "/d"));
        assertEquals(List.of(Path.of("/usr/share/datasets/cifar10")), DataRoot.candidates("cifar10", null, null));
        assertEquals(List.of(Path.of("fmnist"), Path.of("/d/fmnist")), DataRoot.candidates("fashion-mnist", "fmnist", "/d"));
        assertEquals(List.of(Path.of("/abs/fmnist")), DataRoot.candidates("fashion-mnist", "/abs/fmnist", "/d"));
        Files.createDirectories(root.resolve("fashion-mnist"));
        assertEquals(root.resolve("fashion-mnist"), DataRoot.candidates("fashion-mnist", null, root.toString()).stream()
                .filter(Files::isDirectory).findFirst().orElseThrow());
    }

    @Test
    void checkSaysWhereItLookedAndNamesTheSample() {
        ImageDataset mnist = new Mnist();
        List<String> problems = mnist.check(new ImageDatasetSettings(null, null, null, null, null, null));
        String p = problems.get(0);
        assertTrue(p.startsWith("path: not given and no mnist data found; looked in "), p);
        assertTrue(p.contains("/usr/share/datasets/mnist"), p);
        assertTrue(p.endsWith("or use path: sample for the bundled Fashion-MNIST sample"), p);
    }
}
