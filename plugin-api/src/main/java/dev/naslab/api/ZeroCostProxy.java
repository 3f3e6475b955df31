package dev.naslab.api;

import dev.naslab.api.model.Network;
import dev.naslab.api.data.Batch;
import java.util.Optional;

/**
 * A zero-cost proxy: a score of a network at initialisation, from one batch or from none, that is meant to rank
 * networks as their accuracy after training would (higher is better). Used by the {@code zero-cost} evaluator, by
 * Zero-Cost-PT selection and by {@code naslab inspect --proxy}.
 *
 * <p>A proxy scores the network it is given and leaves its weights as they were; a proxy that computes
 * gradients zeroes the network's weight gradients before and after. It runs its passes in a sub-manager of the
 * batch's manager and closes it. Proxies read a network through the toolkit's {@link dev.naslab.api.nn.NetworkProbe}, so
 * they see any space built on the toolkit's layers.
 *
 * @param <S> settings record ({@link NoSettings} for a proxy without any)
 * @since 0.3
 */
public interface ZeroCostProxy<S extends Record> extends NasExtension<S> {

    /** The settings record of a proxy that has none. */
    record NoSettings() {
    }

    /** {@return whether the score reads the batch's images and labels; a data-free proxy reads only their shape} */
    boolean needsData();

    /**
     * Why the engine named {@code engine} (DJL's engine name, e.g. {@code PyTorch}, {@code MXNet}) cannot compute
     * this proxy, as a sentence; empty when it can.
     *
     * @param engine DJL's name of the engine
     * @return why not, or empty
     */
    default Optional<String> unsupported(String engine) {
        return Optional.empty();
    }

    /**
     * Scores {@code network}.
     *
     * @param network the network at initialisation (a supernet with fixed mixing weights works the same way)
     * @param batch the batch (normalised images and one-hot labels); a data-free proxy uses only its shape and manager
     * @param settings the proxy's settings
     * @return the score, higher meaning better expected accuracy; finite, or negative infinity where the
     *     definition gives it (a singular NASWOT kernel)
     */
    double score(Network network, Batch batch, S settings);
}
