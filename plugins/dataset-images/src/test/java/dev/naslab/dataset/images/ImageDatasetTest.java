package dev.naslab.dataset.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.SettingException;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.data.DataSplits;
import dev.naslab.api.base.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDatasetTest {

    static ImageDatasetSettings settings(String path) {
        return new ImageDatasetSettings(path, null, null, null, null, null);
    }

    @Test
    void bundledSampleSplitsByIndex() {
        DataSplits d = new FashionMnist().load(settings("sample"), 0);
        assertEquals(1500, d.train().size());
        assertEquals(1500, d.valid().size());
        assertEquals(1000, d.test().size());
        assertEquals(10, d.train().classes());
        int[] counts = new int[10];
        for (int i = 0; i < d.test().size(); i++) {
            counts[d.test().label(i)]++;
        }
        for (int c : counts) {
            assertTrue(c > 50, "every class is in the sample test set");
        }
    }

    @Test
    void trainLimitDrawsASeededSubset() {
        ImageDatasetSettings s = new ImageDatasetSettings("sample", 0.5, 200, 100, null, null);
        DataSplits a = new FashionMnist().load(s, 3);
        DataSplits b = new FashionMnist().load(s, 3);
        assertEquals(100, a.train().size());
        assertEquals(100, a.valid().size());
        assertEquals(100, a.test().size());
        for (int i = 0; i < 100; i++) {
            assertEquals(a.train().label(i), b.train().label(i));
        }
    }

    /** Writes CIFAR-10 binary files: image i has label i % 10 and every pixel equal to i. */
    static void writeCifar(Path dir, int labelBytes, String[] trainFiles, String test, int perFile) throws IOException {
        int record = labelBytes + 3072;
        int i = 0;
        for (String f : trainFiles) {
            byte[] data = new byte[perFile * record];
            for (int k = 0; k < perFile; k++, i++) {
                data[k * record + labelBytes - 1] = (byte) (i % 10);
                if (labelBytes == 2) {
                    data[k * record] = (byte) 99; // coarse label, ignored
                }
                java.util.Arrays.fill(data, k * record + labelBytes, (k + 1) * record, (byte) i);
            }
            Files.write(dir.resolve(f), data);
        }
        Files.write(dir.resolve(test), new byte[perFile * record]);
    }

    @Test
    void cifar10ReaderReadsLabelsAndPlanes(@TempDir Path dir) {
        String[] files = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
            "data_batch_5.bin"};
        assertThrowsIo(() -> writeCifar(dir, 1, files, "test_batch.bin", 4));
        Cifar10 c = new Cifar10();
        assertTrue(c.check(settings(dir.toString())).isEmpty());
        DataSplits d = c.load(new ImageDatasetSettings(dir.toString(), 0.75, null, null, null, null), 0);
        assertEquals(15, d.train().size());
        assertEquals(5, d.valid().size());
        assertEquals(4, d.test().size());
        assertEquals(7, d.train().label(7));
        try (NDManager m = NDManager.newBaseManager(); Batch b = d.train().batch(new int[] {7}, Augmentation.NONE,
                new Rng(0), m)) {
            float[] x = b.x().toFloatArray();
            assertEquals(3 * 32 * 32, x.length);
            // pixel value 7 → (7/255 − mean_c)/std_c on each plane
            assertEquals((7 / 255f - 0.49139968f) / 0.24703233f, x[0], 1e-5f);
            assertEquals((7 / 255f - 0.44653124f) / 0.26158768f, x[2 * 1024 + 5], 1e-5f);
            assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 0}, b.oneHot().toFloatArray());
        }
    }

    @Test
    void cifar100UsesTheFineLabel(@TempDir Path dir) {
        assertThrowsIo(() -> writeCifar(dir, 2, new String[] {"train.bin"}, "test.bin", 10));
        DataSplits d = new Cifar100().load(settings(dir.toString()), 0);
        assertEquals(3, d.train().label(3));
        assertEquals(100, d.train().classes());
    }

    @Test
    void missingFilesAreNamed(@TempDir Path dir) {
        List<String> p = new Cifar10().check(settings(dir.toString()));
        assertTrue(p.get(0).contains("has no readable data_batch_1.bin"), p.toString());
        assertTrue(new FashionMnist().check(settings(dir.resolve("nope").toString())).get(0).contains("is not a folder"));
        assertTrue(new Mnist().check(settings(dir.toString())).get(0).contains("train-images-idx3-ubyte"));
    }

    @Test
    void cropAndFlipMoveKnownPixels() {
        DataSplits d = new FashionMnist().load(settings("sample"), 0);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] plain = d.train().batch(new int[] {0}, Augmentation.NONE, new Rng(0), m).x().toFloatArray();
            float[] flipped = d.train().batch(new int[] {0}, new Augmentation(0, true), new Rng(5), m).x().toFloatArray();
            boolean flippedNow = flipped[0] != plain[0] || flipped[27] != plain[27];
            if (flippedNow) {
                assertEquals(plain[27], flipped[0], 1e-6f);
                assertEquals(plain[28 + 3], flipped[28 + 24], 1e-6f);
            } else {
                assertArrayEquals(plain, flipped);
            }
        }
    }

    @Test
    void badSettingsNameTheirKey() {
        SettingException e = assertThrows(SettingException.class,
                () -> new ImageDatasetSettings("sample", 1.5, null, null, null, null));
        assertEquals("train_portion", e.key());
        assertEquals("path", assertThrows(SettingException.class, () -> settings(" ")).key());
    }

    interface IoAction {
        void run() throws IOException;
    }

    static void assertThrowsIo(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
