package dev.naslab.api;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.SpaceCapability;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.model.TrainingFeature;
import dev.naslab.api.base.Rng;
import java.util.List;
import java.util.Set;

/**
 * A search space: the cell types with their edges and candidate operations, the weight-sharing
 * supernet that mixes all candidates, and the discrete network of one chosen architecture.
 *
 * <p>A space knows nothing of α training or of selection: it declares structure
 * ({@link #cellTypes}) and builds networks. The supernet's forward pass takes the mixing weights
 * that the {@link dev.naslab.api.model.ArchState} computes, so optimizers and selectors work on any
 * space. Input channels, image size and class count come from the dataset.
 *
 * @param <S> settings record (for example channels and cells per stage)
 */
public interface SearchSpace<S extends Record> extends NasExtension<S> {

    /**
     * {@return the cell types of this space with the given settings, in α order}
     *
     * @param settings the extension's settings, bound from the experiment file
     */
    List<CellType> cellTypes(S settings);

    /**
     * Problems that make these settings unbuildable for this input (for example an image too small
     * for the space's reductions), each a readable sentence naming the setting; empty if fine.
     *
     * @param settings the extension's settings, bound from the experiment file
     * @param input one input image's shape
     * @param classes the number of classes
     * @return problems that make these settings unbuildable for this input (for example an image too small for the space's reductions), each a readable sentence naming the setting
     */
    default List<String> check(S settings, InputShape input, int classes) {
        return List.of();
    }

    /**
     * Builds the weight-sharing supernet; weights are drawn from {@code rng}.
     *
     * @param settings the extension's settings, bound from the experiment file
     * @param input one input image's shape
     * @param classes the number of classes
     * @param rng the seeded generator to draw from
     * @param manager the manager its arrays live in
     * @return the supernet, its α initialised from rng
     */
    Supernet supernet(S settings, InputShape input, int classes, Rng rng, NDManager manager);

    /**
     * The supernet built as an optimizer asks ({@link SupernetOptions}); the host calls this one. The
     * default builds the plain supernet and refuses options a space did not declare
     * ({@link #capabilities}); a space that offers a capability (partial channels, auxiliary skips) overrides it.
     *
     * @param settings the extension's settings, bound from the experiment file
     * @param input the input image shape
     * @param classes the number of classes
     * @param options how the optimizer wants the supernet built
     * @param rng the seeded generator to draw from
     * @param manager the manager the arrays live in
     * @return the supernet
     * @since 0.3
     */
    default Supernet supernet(S settings, InputShape input, int classes, SupernetOptions options, Rng rng,
            NDManager manager) {
        if (!options.required().isEmpty()) {
            throw new IllegalArgumentException("space " + id() + " cannot build a supernet with " + options.required());
        }
        return supernet(settings, input, classes, rng, manager);
    }

    /**
     * {@return the supernet features this space offers optimizers (none by default)}
     *
     * @param settings the extension's settings, bound from the experiment file
     * @since 0.3
     */
    default Set<SpaceCapability> capabilities(S settings) {
        return Set.of();
    }

    /**
     * What is wrong with building this space's supernet with {@code options} (e.g. a partial-channel
     * factor that does not divide a cell's channels), one message each; called at validation after the
     * capabilities were found present. Nothing by default.
     *
     * @param settings the extension's settings, bound from the experiment file
     * @param options the optimizer's supernet options
     * @return the problems
     * @since 0.3
     */
    default List<String> check(S settings, SupernetOptions options) {
        return List.of();
    }

    /**
     * Builds the discrete network of {@code architecture}, trained from scratch by evaluators.
     *
     * @param architecture the architecture
     * @param settings the extension's settings, bound from the experiment file
     * @param input one input image's shape
     * @param classes the number of classes
     * @param rng the seeded generator to draw from
     * @param manager the manager its arrays live in
     * @return the network, its weights initialised from rng
     */
    Network network(Architecture architecture, S settings, InputShape input, int classes, Rng rng,
            NDManager manager);

    /**
     * {@return the evaluation-recipe regularisers this space's discrete networks support (none by default)}
     *
     * @since 0.2
     * @param settings the extension's settings, bound from the experiment file
     */
    default Set<TrainingFeature> trainingFeatures(S settings) {
        return Set.of();
    }

    /**
     * Architectures published for this space that users may name instead of writing them out
     * (for example {@code DARTS_V2}), by name; {@link #parse} accepts these names too.
     *
     * @since 0.2
     * @param settings the extension's settings, bound from the experiment file
     * @return architecture strings by published name (empty if none)
     */
    default java.util.Map<String, String> publishedArchitectures(S settings) {
        return java.util.Map.of();
    }

    /**
     * Parses the space's standard architecture string.
     *
     * @throws IllegalArgumentException with a message saying what is malformed and what is expected
     * @param text the space's architecture string
     * @param settings the extension's settings, bound from the experiment file
     * @return the architecture
     */
    Architecture parse(String text, S settings);

    /**
     * Formats an architecture as the space's standard string.
     *
     * @param architecture the architecture
     * @param settings the extension's settings, bound from the experiment file
     * @return the architecture string
     */
    String format(Architecture architecture, S settings);
}
