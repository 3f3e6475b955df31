/**
 * The {@code dataset-images} plugin: {@code fashion-mnist} and {@code mnist} (IDX) and
 * {@code cifar10}, {@code cifar100} (binary), read from disk only; start at
 * {@link dev.naslab.dataset.images.ImageDataset}.
 */
package dev.naslab.dataset.images;
