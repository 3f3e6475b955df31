package dev.naslab.dataset.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a dataset file in a folder (raw or {@code .gz}) or in the bundled sample. */
final class DatasetFiles {

    static final String SAMPLE = "sample";
    private static final String SAMPLE_RESOURCE = "/dev/naslab/dataset/images/sample/fashion-mnist/";

    private final String path;

    DatasetFiles(String path) {
        this.path = path;
    }

    boolean isSample() {
        return SAMPLE.equals(path);
    }

    /** The file called {@code name} or {@code name.gz}, if present. */
    Optional<Path> find(String name) {
        Path dir = Path.of(path);
        for (Path p : new Path[] {dir.resolve(name), dir.resolve(name + ".gz")}) {
            if (Files.isRegularFile(p) && Files.isReadable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Opens an IDX file by base name; reports which paths were tried when missing. */
    IdxReader.Idx idx(String name) throws IOException {
        if (isSample()) {
            InputStream in = DatasetFiles.class.getResourceAsStream(SAMPLE_RESOURCE + name + ".gz");
            if (in == null) {
                throw new IOException("the bundled sample lacks " + name + ".gz");
            }
            return IdxReader.read(in, true, "sample/" + name);
        }
        Path p = find(name).orElseThrow(() -> new IOException(path + " has no readable " + name + " or " + name + ".gz"));
        return IdxReader.read(Files.newInputStream(p), p.toString().endsWith(".gz"), p.toString());
    }
}
