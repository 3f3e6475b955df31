package dev.naslab.dataset.images;

import org.pf4j.Extension;

/** MNIST handwritten digits (IDX). */
@Extension
public final class Mnist extends IdxDataset {

    @Override
    public String id() {
        return "mnist";
    }

    @Override
    public String description() {
        return "MNIST digits (IDX, gzip or raw)";
    }

    @Override
    float[] mean() {
        return new float[] {0.1307f};
    }

    @Override
    float[] std() {
        return new float[] {0.3081f};
    }
}
