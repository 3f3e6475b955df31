package dev.naslab.dataset.images;

import dev.naslab.api.data.ImageData;
import dev.naslab.api.model.InputShape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** MNIST-style datasets in IDX files: 28×28 grey images, 10 classes. */
abstract class IdxDataset extends ImageDataset {

    static final String[] FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte"};

    @Override
    InputShape shape() {
        return new InputShape(1, 28, 28);
    }

    @Override
    int classes() {
        return 10;
    }

    List<String> checkFiles(ImageDatasetSettings s) {
        DatasetFiles files = new DatasetFiles(s.path());
        List<String> problems = new ArrayList<>();
        if (files.isSample()) {
            if (!id().equals("fashion-mnist")) {
                problems.add("path 'sample' is the bundled Fashion-MNIST sample; " + id() + " needs a folder");
            }
            return problems;
        }
        if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of(s.path()))) {
            problems.add("path '" + s.path() + "' is not a folder (expected the " + id() + " IDX files, e.g. "
                    + FILES[0] + ".gz)");
            return problems;
        }
        for (String f : FILES) {
            if (files.find(f).isEmpty()) {
                problems.add("path '" + s.path() + "' has no readable " + f + " or " + f + ".gz");
            }
        }
        return problems;
    }

    @Override
    Raw read(ImageDatasetSettings s) throws IOException {
        DatasetFiles files = new DatasetFiles(s.path());
        return new Raw(images(files, "train"), images(files, "t10k"));
    }

    private ImageData images(DatasetFiles files, String prefix) throws IOException {
        IdxReader.Idx img = files.idx(prefix + "-images-idx3-ubyte");
        IdxReader.Idx lab = files.idx(prefix + "-labels-idx1-ubyte");
        if (img.dims().length != 3 || img.dims()[1] != 28 || img.dims()[2] != 28) {
            throw new IOException(prefix + " images are not N×28×28");
        }
        if (lab.dims()[0] != img.dims()[0]) {
            throw new IOException(prefix + " has " + img.dims()[0] + " images but " + lab.dims()[0] + " labels");
        }
        int[] labels = new int[lab.data().length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = lab.data()[i] & 0xff;
            if (labels[i] >= 10) {
                throw new IOException(prefix + " label " + labels[i] + " at " + i + " is not a class 0..9");
            }
        }
        return new ImageData(img.data(), labels, shape(), classes());
    }
}
