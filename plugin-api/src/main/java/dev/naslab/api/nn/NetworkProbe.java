package dev.naslab.api.nn;

import ai.djl.ndarray.NDArray;

/**
 * Watches, and for some measurements alters, the forward passes that the toolkit's layers run on the current
 * thread while the probe is attached ({@link #attach}): {@link Conv2d}, {@link Linear}, {@link BatchNorm2d} and
 * {@link Ops#relu}. It is how a zero-cost proxy reads any network built from the toolkit, supernet or discrete,
 * in either space and on either engine: the input of every ReLU (NASWOT), the output of every convolution and
 * linear layer and so its gradient (fisher), parameters replaced for one pass (synflow's |θ| in float64),
 * normalisation left out (synflow), multiply-adds (FLOPs).
 *
 * <p>Without a probe the layers run as they always do, at the cost of one thread-local read. A layer a space
 * writes itself, outside the toolkit, is invisible to probes; a space that computes one ReLU for several of its
 * reference network's ReLU modules says so with {@link Ops#relu(NDArray, int)}. Every method has a default that
 * leaves the pass unchanged, so a probe implements only what it measures.
 *
 * @since 0.3
 */
public interface NetworkProbe {

    /** The toolkit layers whose parameters and outputs a probe sees. */
    enum Layer {
        /** {@link Conv2d}. */
        CONV,
        /** {@link Linear}. */
        LINEAR
    }

    /**
     * The array a layer uses in place of its parameter {@code p} in this pass: {@code p} itself (the default), or a
     * replacement of the same shape (for example |p| in float64, a new leaf whose gradient the probe reads).
     *
     * @param p the layer's weight or bias
     * @param layer the kind of layer
     * @param weight true for the weight, false for the bias
     * @return the array to compute with
     */
    default NDArray parameter(NDArray p, Layer layer, boolean weight) {
        return p;
    }

    /**
     * The array the pass continues with in place of a layer's output {@code y}: {@code y} itself (the default),
     * or {@code y} plus a zero leaf whose gradient is the gradient with respect to {@code y}.
     *
     * @param y the layer's output
     * @param layer the kind of layer
     * @return the array the pass continues with
     */
    default NDArray output(NDArray y, Layer layer) {
        return y;
    }

    /**
     * Told the multiply-adds of one layer call for each image of the batch.
     *
     * @param perImage multiply-adds per image
     * @param layer the kind of layer
     */
    default void multiplyAdds(long perImage, Layer layer) {
    }

    /** {@return whether {@link BatchNorm2d} passes its input through unchanged (scaled by an op's mixing weight, if any)} */
    default boolean bypassNormalisation() {
        return false;
    }

    /**
     * {@return whether a supernet computes the ops it may skip because their mixing weight is exactly 0 (masked, or
     * not chosen on a decided edge), as the reference supernets do (they multiply those ops' outputs by 0): a probe of
     * ReLU inputs (NASWOT) then sees every ReLU the reference network runs. The pass's output is the same either way.}
     */
    default boolean everyOp() {
        return false;
    }

    /**
     * Told the input of a ReLU, which stands for {@code modules} ReLU modules of the reference network that all
     * read it (1 unless a space shares one ReLU among several ops).
     *
     * @param x the ReLU's input
     * @param modules how many of the reference network's ReLU modules read this input
     */
    default void reluInput(NDArray x, int modules) {
    }

    /**
     * Attaches {@code probe} to the current thread until the returned attachment is closed; the probe attached
     * before it is restored then.
     *
     * @param probe the probe
     * @return the attachment to close
     */
    static Attachment attach(NetworkProbe probe) {
        return new Attachment(probe);
    }

    /** {@return the probe attached to the current thread, or null} */
    static NetworkProbe current() {
        return Attachment.CURRENT.get();
    }

    /** A probe attached to one thread; closing it restores the one attached before. */
    final class Attachment implements AutoCloseable {

        private static final ThreadLocal<NetworkProbe> CURRENT = new ThreadLocal<>();

        private final NetworkProbe previous;
        private final Thread thread;

        private Attachment(NetworkProbe probe) {
            previous = CURRENT.get();
            thread = Thread.currentThread();
            CURRENT.set(probe);
        }

        @Override
        public void close() {
            if (Thread.currentThread() != thread) {
                throw new IllegalStateException("a probe is detached on the thread it was attached on");
            }
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
