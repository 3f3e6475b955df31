package dev.naslab.core.plugin;

import dev.naslab.api.ArchitectureSelector;
import dev.naslab.api.DatasetProvider;
import dev.naslab.api.Evaluator;
import dev.naslab.api.NasExtension;
import dev.naslab.api.SearchOptimizer;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.ZeroCostProxy;

/** The six kinds of extension, with the experiment key that configures each. */
public enum Kind {
    DATASET("dataset", "dataset", DatasetProvider.class),
    SPACE("space", "space", SearchSpace.class),
    OPTIMIZER("search", "optimizer", SearchOptimizer.class),
    SELECTOR("selection", "selector", ArchitectureSelector.class),
    EVALUATOR("evaluation", "evaluator", Evaluator.class),
    /** Zero-cost proxies have no experiment key of their own: the {@code zero-cost} evaluator and selector name them. */
    PROXY("proxies", "zero-cost proxy", ZeroCostProxy.class);

    private final String key;
    private final String noun;
    @SuppressWarnings("rawtypes")
    private final Class<? extends NasExtension> type;

    @SuppressWarnings("rawtypes")
    Kind(String key, String noun, Class<? extends NasExtension> type) {
        this.key = key;
        this.noun = noun;
        this.type = type;
    }

    /** The top-level experiment key ({@code search} for optimizers). */
    public String key() {
        return key;
    }

    /** What one extension of this kind is called in messages. */
    public String noun() {
        return noun;
    }

    @SuppressWarnings("rawtypes")
    public Class<? extends NasExtension> type() {
        return type;
    }
}
