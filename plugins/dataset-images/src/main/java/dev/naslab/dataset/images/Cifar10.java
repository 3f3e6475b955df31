package dev.naslab.dataset.images;

import java.util.List;
import org.pf4j.Extension;

/** CIFAR-10 (Krizhevsky 2009), binary version: data_batch_1..5.bin and test_batch.bin. */
@Extension
public final class Cifar10 extends CifarDataset {

    @Override
    public String id() {
        return "cifar10";
    }

    @Override
    public String description() {
        return "CIFAR-10 binary version (data_batch_1..5.bin, test_batch.bin)";
    }

    @Override
    int classes() {
        return 10;
    }

    @Override
    float[] mean() {
        return new float[] {0.49139968f, 0.48215827f, 0.44653124f};
    }

    @Override
    float[] std() {
        return new float[] {0.24703233f, 0.24348505f, 0.26158768f};
    }

    @Override
    List<String> trainFiles() {
        return List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin");
    }

    @Override
    String testFile() {
        return "test_batch.bin";
    }

    @Override
    String subfolder() {
        return "cifar-10-batches-bin";
    }

    @Override
    int labelBytes() {
        return 1;
    }
}
