package dev.naslab.api.data;

import dev.naslab.api.model.InputShape;

/**
 * What a dataset looks like, known without loading it (spaces are checked against it).
 *
 * @param shape   one image's shape
 * @param classes number of classes
 */
public record DatasetInfo(InputShape shape, int classes) {
}
