package dev.naslab.dataset.images;

import java.util.List;
import org.pf4j.Extension;

/** CIFAR-100 (Krizhevsky 2009), binary version: train.bin and test.bin; the fine labels (100 classes). */
@Extension
public final class Cifar100 extends CifarDataset {

    @Override
    public String id() {
        return "cifar100";
    }

    @Override
    public String description() {
        return "CIFAR-100 binary version (train.bin, test.bin), fine labels";
    }

    @Override
    int classes() {
        return 100;
    }

    @Override
    float[] mean() {
        return new float[] {0.5071f, 0.4865f, 0.4409f};
    }

    @Override
    float[] std() {
        return new float[] {0.2673f, 0.2564f, 0.2762f};
    }

    @Override
    List<String> trainFiles() {
        return List.of("train.bin");
    }

    @Override
    String testFile() {
        return "test.bin";
    }

    @Override
    String subfolder() {
        return "cifar-100-binary";
    }

    @Override
    int labelBytes() {
        return 2;
    }
}
