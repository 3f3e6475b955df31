package dev.naslab.zerocost;

import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import dev.naslab.api.data.Batch;
import dev.naslab.api.search.SearchSchedule;
import dev.naslab.api.search.SearchState;
import org.pf4j.Extension;

/**
 * The search optimizer {@code none}: trains nothing, so the selectors get the supernet as it was initialised (what
 * Zero-Cost-PT is meant for). The host still walks one epoch of batches and measures the untrained supernet on the
 * validation split, which costs a few seconds on the bundled sample.
 */
@Extension
public final class NoSearch implements SearchOptimizer<NoSearch.Settings> {

    /**
     * @param batchSize the batch size the selectors are told the search used (zero-cost-pt's default batch)
     */
    public record Settings(@Setting("the search's batch size, which selectors take as theirs by default") Integer batchSize) {

        public Settings {
            batchSize = batchSize == null ? 64 : batchSize;
            SettingException.positive("batch_size", batchSize);
        }
    }

    @Override
    public String id() {
        return "none";
    }

    @Override
    public Class<Settings> settingsClass() {
        return Settings.class;
    }

    @Override
    public String description() {
        return "no search: the supernet stays as initialised (for zero-cost-pt)";
    }

    @Override
    public SearchSchedule schedule(Settings settings) {
        return new SearchSchedule(1, settings.batchSize());
    }

    @Override
    public void begin(SearchState state, Settings settings) {
    }

    @Override
    public void step(SearchState state, Settings settings, Batch train, Batch valid) {
    }
}
