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

    /** The oneDNN instruction-set cap naslab runs libtorch with (see {@link #configure}). */
    public static final String ONEDNN_ISA = "AVX";

    /** libc's setenv, to configure native libraries loaded later in this process. */
    private interface LibC extends com.sun.jna.Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * Sets the system properties DJL reads; call before anything touches {@link Engine}.
     *
     * <p>It also caps oneDNN at AVX ({@code DNNL_MAX_CPU_ISA}) unless the environment says
     * otherwise: with libtorch 2.7.1 (DJL 0.36) on this project's machines (AMD EPYC with
     * AVX-512), oneDNN's AVX2 and AVX-512 convolution backward-data kernels return wrong,
     * sometimes NaN, input gradients for batches larger than one (forward and weight gradients
     * are right); the AVX and SSE4.1 kernels agree with PyTorch ({@code ConvolutionGradientTest}).
     * The variable must be in the process environment before libtorch initialises oneDNN,
     * hence libc's setenv.
     */
    public static void configure(String engine, int threads) {
        if (System.getenv("DNNL_MAX_CPU_ISA") == null) {
            try {
                com.sun.jna.Native.load("c", LibC.class).setenv("DNNL_MAX_CPU_ISA", ONEDNN_ISA, 0);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                System.err.println("naslab: warning: cannot cap oneDNN at " + ONEDNN_ISA + " (" + e.getMessage()
                        + "); set DNNL_MAX_CPU_ISA=" + ONEDNN_ISA + " in the environment");
            }
        }
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
