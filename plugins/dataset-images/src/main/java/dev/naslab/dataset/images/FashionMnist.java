package dev.naslab.dataset.images;

import org.pf4j.Extension;

/** Fashion-MNIST (Xiao et al. 2017): 60,000 training and 10,000 test images of clothing, 10 classes. */
@Extension
public final class FashionMnist extends IdxDataset {

    @Override
    public String id() {
        return "fashion-mnist";
    }

    @Override
    public String description() {
        return "Fashion-MNIST (IDX, gzip or raw); path: sample = bundled 3,000/1,000-image sample";
    }

    @Override
    float[] mean() {
        return new float[] {0.2860f};
    }

    @Override
    float[] std() {
        return new float[] {0.3530f};
    }
}
