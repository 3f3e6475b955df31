package dev.naslab.dataset.images;

import dev.naslab.api.data.ImageData;
import dev.naslab.api.model.InputShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CIFAR-10 / CIFAR-100 in their binary format; {@code path} is the folder with the .bin files or its parent. */
abstract class CifarDataset extends ImageDataset {

    abstract List<String> trainFiles();

    abstract String testFile();

    abstract String subfolder();

    abstract int labelBytes();

    @Override
    InputShape shape() {
        return new InputShape(3, 32, 32);
    }

    Path folder(ImageDatasetSettings s) {
        Path p = Path.of(s.path());
        Path sub = p.resolve(subfolder());
        return Files.isDirectory(sub) && !Files.exists(p.resolve(testFile())) ? sub : p;
    }

    List<String> checkFiles(ImageDatasetSettings s) {
        List<String> problems = new ArrayList<>();
        if (DatasetFiles.SAMPLE.equals(s.path())) {
            problems.add("path 'sample' is the bundled Fashion-MNIST sample; " + id() + " needs the folder of its "
                    + "binary files");
            return problems;
        }
        Path dir = folder(s);
        if (!Files.isDirectory(dir)) {
            problems.add("path '" + s.path() + "' is not a folder (expected the " + id() + " binary files, e.g. "
                    + testFile() + ")");
            return problems;
        }
        List<String> all = new ArrayList<>(trainFiles());
        all.add(testFile());
        for (String f : all) {
            if (!Files.isReadable(dir.resolve(f))) {
                problems.add("path '" + dir + "' has no readable " + f);
            }
        }
        return problems;
    }

    @Override
    Raw read(ImageDatasetSettings s) throws IOException {
        Path dir = folder(s);
        List<Path> train = trainFiles().stream().map(dir::resolve).toList();
        return new Raw(images(CifarReader.read(train, labelBytes())),
                images(CifarReader.read(List.of(dir.resolve(testFile())), labelBytes())));
    }

    private ImageData images(CifarReader.Images im) throws IOException {
        for (int i = 0; i < im.labels().length; i++) {
            if (im.labels()[i] >= classes()) {
                throw new IOException("label " + im.labels()[i] + " of image " + i + " is not a class of " + id());
            }
        }
        return new ImageData(im.pixels(), im.labels(), shape(), classes());
    }
}
