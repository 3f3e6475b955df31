package dev.naslab.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * DJL set-up, done once per JVM on the main thread before any plugin code runs: the engine is
 * named explicitly (MXNet would otherwise win DJL's ranking), nothing is downloaded or reported
 * (these machines have no network), and intra-op threads are fixed so runs repeat.
 */
public final class EngineSetup {

    private EngineSetup() {
    }

    /** DJL's name of an experiment's {@code engine} value. */
    public static String djlName(String engine) {
        return switch (engine) {
            case "pytorch" -> "PyTorch";
            case "mxnet" -> "MXNet";
            default -> throw new IllegalArgumentException("unknown engine '" + engine + "'; allowed: pytorch, mxnet");
        };
    }

    /**
     * Sets the system properties DJL reads; call before anything touches {@link Engine}.
     *
     * <p>oneDNN runs at the CPU's own instruction set. Up to naslab 0.1 it was capped at AVX
     * ({@code DNNL_MAX_CPU_ISA}) after wrong convolution input gradients were seen once with
     * AVX2/AVX-512; that did not reproduce, and {@code naslab parity} showed the cap to be the
     * problem for MXNet (its supernet gradients drift by up to 1e-2 relative at AVX and AVX2) and a
     * 1.7x slowdown for PyTorch (README, engineering notes). A user's {@code DNNL_MAX_CPU_ISA} is
     * still honoured, since oneDNN reads it itself, and recorded in each trial's manifest.
     */
    public static void configure(String engine, int threads) {
        System.setProperty("ai.djl.default_engine", djlName(engine));
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
    }

    /** Starts the engine on the calling (main) thread. */
    public static Engine start(String engine) {
        return Engine.getEngine(djlName(engine));
    }

    /** The device for {@code auto}, {@code cpu} or {@code gpu}. */
    public static Device device(Engine engine, String device) {
        int gpus = engine.getGpuCount();
        return switch (device) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalStateException("device: gpu was asked for, but " + engine.getEngineName()
                            + " sees no GPU on this machine; use device: auto or cpu");
                }
                yield Device.gpu();
            }
            default -> gpus > 0 ? Device.gpu() : Device.cpu();
        };
    }
}
