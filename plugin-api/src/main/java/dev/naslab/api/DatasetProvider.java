package dev.naslab.api;

import dev.naslab.api.data.DataSplits;
import dev.naslab.api.data.DatasetInfo;
import java.util.List;

/**
 * A dataset: reads files from disk (never from the network) and returns the train / valid / test
 * splits as in-memory images with their normalisation and augmentation.
 *
 * @param <S> settings record (path, train portion, augmentation, ...)
 */
public interface DatasetProvider<S extends Record> extends NasExtension<S> {

    /**
     * Problems found without loading everything: missing or unreadable files, named by path.
     *
     * @param settings the extension's settings, bound from the experiment file
     * @return problems found without loading everything: missing or unreadable files, named by path
     */
    default List<String> check(S settings) {
        return List.of();
    }

    /**
     * {@return image shape and class count for these settings, without reading the images}
     *
     * @param settings the extension's settings, bound from the experiment file
     */
    DatasetInfo describe(S settings);

    /**
     * Loads the splits; {@code seed} drives any random subsetting.
     *
     * @param settings the extension's settings, bound from the experiment file
     * @param seed the trial's seed
     * @return train, validation and test splits
     */
    DataSplits load(S settings, long seed);
}
