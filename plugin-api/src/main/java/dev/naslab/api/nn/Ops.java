package dev.naslab.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.PairList;

/** Parameter-free operations used by the cell ops, with the reference's exact settings. */
public final class Ops {

    private Ops() {
    }

    /**
     * {@return max(x, 0), element-wise}
     *
     * @param x the input batch, N×C×H×W
     */
    public static NDArray relu(NDArray x) {
        return relu(x, 1);
    }

    /**
     * max(x, 0), element-wise, computed once for {@code modules} ReLU modules of the reference network that
     * all read {@code x} (a space that shares a node's ReLU among the ops on its edges): a {@link NetworkProbe}
     * sees the input once for each.
     *
     * @param x the input batch, N×C×H×W
     * @param modules how many of the reference network's ReLU modules this one stands for, at least 1
     * @return max(x, 0), element-wise
     * @since 0.3
     */
    public static NDArray relu(NDArray x, int modules) {
        NetworkProbe probe = NetworkProbe.current();
        if (probe != null) {
            probe.reluInput(x, modules);
        }
        return Activation.relu(x);
    }

    /**
     * 3×3 average pooling, padding 1, padding excluded from the divisor
     * ({@code count_include_pad=False}). Engines disagree on DJL 0.36's flag: PyTorch divides by 9
     * at the borders whatever it says, MXNet already excludes the padding. {@link #poolIncludesPadding}
     * finds out once per engine, and only an engine that counts the padding gets its border
     * rescaled by 9/(pixels inside the window), a constant per size cached in {@code ps}.
     *
     * @param x the input batch, N×C×H×W
     * @param stride stride
     * @param ps the parameter store that holds the weights
     * @return the pooled maps
     */
    public static NDArray avgPool3x3(NDArray x, int stride, ParamStore ps) {
        NDArray pooled = Pool.avgPool2d(x, new Shape(3, 3), new Shape(stride, stride), new Shape(1, 1), false, false);
        if (!poolIncludesPadding(x.getManager().getEngine())) {
            return pooled;
        }
        long oh = pooled.getShape().get(2);
        long ow = pooled.getShape().get(3);
        int h = (int) x.getShape().get(2);
        int w = (int) x.getShape().get(3);
        NDArray scale = ps.constant("avgpool3/" + h + "x" + w + "/" + stride,
                m -> m.create(borderScale(h, w, (int) oh, (int) ow, stride), new Shape(1, 1, oh, ow)));
        return pooled.mul(scale);
    }

    private static final java.util.Map<String, Boolean> INCLUDES_PADDING = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether {@code engine}'s padded average pooling divides border windows by the full window
     * size although padding is to be excluded: pools a 3×3 map of ones and looks at the corner
     * (1 if padding is excluded, 4/9 if it is counted). PyTorch (DJL 0.36): counted; MXNet: excluded.
     *
     * @param engine the engine to probe
     * @return whether {@code engine}'s padded average pooling divides border windows by the full window size although padding is to be excluded: pools a 3×3 map of ones and looks at the corner (1 if padding is excluded, 4/9 if it is counted)
     */
    public static boolean poolIncludesPadding(ai.djl.engine.Engine engine) {
        return INCLUDES_PADDING.computeIfAbsent(engine.getEngineName(), name -> {
            try (ai.djl.ndarray.NDManager m = engine.newBaseManager()) {
                NDArray ones = m.ones(new Shape(1, 1, 3, 3));
                NDArray p = Pool.avgPool2d(ones, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false, false);
                return p.toFloatArray()[0] < 0.9f;
            }
        });
    }

    static float[] borderScale(int h, int w, int oh, int ow, int stride) {
        float[] out = new float[oh * ow];
        for (int i = 0; i < oh; i++) {
            int rows = Math.min(h - 1, i * stride + 1) - Math.max(0, i * stride - 1) + 1;
            for (int j = 0; j < ow; j++) {
                int cols = Math.min(w - 1, j * stride + 1) - Math.max(0, j * stride - 1) + 1;
                out[i * ow + j] = 9f / (rows * cols);
            }
        }
        return out;
    }

    /**
     * {@code x} cut into {@code parts} equal pieces along {@code axis}, as {@link NDArray#split(long, int)}.
     * On MXNet this runs MXNet's own {@code SliceChannel} operator instead of the NumPy-style
     * {@code _split_v2} DJL uses, which MXNet 1.9 runs at half the speed forward and backward
     * (measured: 46 ms against 23 ms for cutting a 64×48×32×32 array in three, adding the pieces and
     * back-propagating). Same values, same gradients ({@code OpsTest}).
     *
     * @param x the array
     * @param parts how many equal pieces
     * @param axis the axis to cut
     * @return the pieces, in order
     * @since 0.2.1
     */
    public static NDList split(NDArray x, int parts, int axis) {
        if (parts == 1) {
            return new NDList(x);
        }
        if ("MXNet".equals(x.getManager().getEngine().getEngineName())) {
            PairList<String, Object> params = new PairList<>();
            params.add("num_outputs", parts);
            params.add("axis", axis);
            return x.getManager().invoke("SliceChannel", new NDList(x), params);
        }
        return x.split(parts, axis);
    }

    /**
     * The element-wise sum of equally shaped arrays, added in list order. On MXNet one {@code add_n}
     * operator: MXNet 1.9 back-propagates each NumPy-style add through a broadcast reduction even
     * when nothing was broadcast (about 1 ms per 64×16×32×32 map, three times the add), while
     * {@code add_n} hands its output's gradient to every input as it is. Other engines add pairwise.
     *
     * @param terms one or more arrays of the same shape
     * @return their sum
     * @since 0.2.2
     */
    public static NDArray sum(NDList terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("nothing to sum");
        }
        if (terms.size() == 1) {
            return terms.head();
        }
        if ("MXNet".equals(terms.head().getManager().getEngine().getEngineName())) {
            PairList<String, Object> params = new PairList<>();
            params.add("num_args", terms.size());
            return terms.head().getManager().invoke("add_n", terms, params).head();
        }
        // the first add makes a new array; the rest add into it in place (PyTorch's autograd allows
        // that, add keeps no input for its backward), saving an allocation per term
        NDArray acc = terms.get(0).add(terms.get(1));
        for (int i = 2; i < terms.size(); i++) {
            acc.addi(terms.get(i));
        }
        return acc;
    }

    /**
     * {@code x} times the single weight {@code w}, differentiable in both (a mixing weight times an
     * op's output). On MXNet it runs as a BatchNorm on fixed statistics (mean 0, variance 1 − ε,
     * γ = w on every channel of axis 1, β = 0): MXNet 1.9 computes the weight's gradient of a plain
     * broadcast multiply with a slow reduction (10 ms for a 64×16×32×32 map, ten times the
     * multiply), while its BatchNorm gets γ's gradient from oneDNN in the same pass as the input's.
     * The two agree to float rounding ({@code OpsTest}); other engines multiply.
     *
     * @param x an array of at least two dimensions
     * @param w a one-element array (any shape)
     * @return {@code x · w}
     * @since 0.2.2
     */
    public static NDArray scale(NDArray x, NDArray w) {
        if (!"MXNet".equals(x.getManager().getEngine().getEngineName()) || x.getShape().dimension() < 2) {
            return x.mul(w);
        }
        NDManager m = x.getManager();
        long c = x.getShape().get(1);
        float eps = 1e-5f;
        NDArray gamma = w.reshape(1).repeat(0, c);
        PairList<String, Object> params = new PairList<>();
        params.add("eps", eps);
        params.add("fix_gamma", false);
        params.add("use_global_stats", true);
        params.add("axis", 1);
        NDList in = new NDList(x, gamma, m.zeros(new Shape(c)), m.zeros(new Shape(c)), m.full(new Shape(c), 1f - eps));
        return m.invoke("BatchNorm", in, params).get(0);
    }

    /**
     * The fewest channels a network's narrowest layer needs for {@link #preferredLayout} to choose
     * channels last under {@link Layout#AUTO}. PyTorch's channels-last BatchNorm works across the channels of one pixel, so
     * with 4 channels it is several times slower than on N×C×H×W (measured: 331 against 29 ms per
     * 72 calls on 64×4×32×32), which outweighs what the convolutions gain; from 8 channels on whole
     * iterations ran faster here (NB201 with 8 channels 1.3x, the NB201 default 1.4x).
     *
     * @since 0.2.2
     */
    public static final int CHANNELS_LAST_FROM = 8;

    /**
     * {@code x} in the memory layout a network whose narrowest layer has {@code narrowestChannels}
     * channels runs fastest in: {@link #channelsLast} from {@link #CHANNELS_LAST_FROM} channels on,
     * {@code x} itself below. Networks call it on their input; every later op keeps the layout.
     *
     * @param x the input batch, N×C×H×W
     * @param narrowestChannels the channels of the network's narrowest layer
     * @return {@code x}, or a copy laid out channels last
     * @since 0.2.2
     */
    public static NDArray preferredLayout(NDArray x, int narrowestChannels) {
        return switch (layout) {
            case NCHW -> x;
            case CHANNELS_LAST -> channelsLast(x);
            case AUTO -> narrowestChannels >= CHANNELS_LAST_FROM ? channelsLast(x) : x;
        };
    }

    /**
     * How {@link #preferredLayout} lays out a network's input in this JVM: the experiment's {@code layout:}
     * setting, which the host applies before a trial builds its networks.
     *
     * @since 0.2.3
     */
    public enum Layout {
        /** Channels last from {@link #CHANNELS_LAST_FROM} channels on (the fastest), N×C×H×W below. */
        AUTO,
        /** Always N×C×H×W: the reference code's arithmetic (PyTorch's channels-last BatchNorm is less precise). */
        NCHW,
        /** Always channels last. */
        CHANNELS_LAST
    }

    private static volatile Layout layout = Layout.AUTO;

    /**
     * Sets the layout {@link #preferredLayout} chooses, for every network built afterwards in this JVM.
     *
     * @param choice the layout
     * @since 0.2.3
     */
    public static void setLayout(Layout choice) {
        layout = java.util.Objects.requireNonNull(choice);
    }

    /**
     * {@return the layout {@link #preferredLayout} chooses in this JVM}
     *
     * @since 0.2.3
     */
    public static Layout layout() {
        return layout;
    }

    /**
     * A copy of an N×C×H×W batch whose memory holds each pixel's channels side by side
     * (PyTorch's "channels last" format); its shape and values are those of {@code x}. On PyTorch
     * every convolution, BatchNorm, pooling and element-wise op keeps that format for its output and
     * its gradients, and oneDNN runs its convolutions on it without converting to and from its own
     * blocked layout on every call. Other engines and arrays that are not 4-D get a plain copy
     * ({@link NDArray#duplicate()}). The values of the copy are the same, but what is computed from it
     * is not bit for bit: sums inside convolutions are taken in another order, and PyTorch's
     * channels-last BatchNorm is less precise (a replay against the DARTS-PT reference code found
     * weight gradients a few per cent away from it per step from 8 channels on; see the README); the
     * experiment's {@code layout: nchw} ({@link Layout#NCHW}) keeps networks off it.
     *
     * @param x the input batch, N×C×H×W
     * @return a copy of {@code x}, laid out channels last on PyTorch
     * @since 0.2.2
     */
    public static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4 || !"PyTorch".equals(x.getManager().getEngine().getEngineName())) {
            return x.duplicate();
        }
        // N×H×W×C gathered into fresh memory, then viewed as N×C×H×W: PyTorch reads the strides
        try (NDArray nhwc = x.transpose(0, 2, 3, 1); NDArray flat = nhwc.reshape(-1);
                NDArray packed = flat.reshape(s.get(0), s.get(2), s.get(3), s.get(1))) {
            return packed.transpose(0, 3, 1, 2);
        }
    }

    /**
     * {@return 2×2 average pooling with stride 2 (the residual block's shortcut)}
     *
     * @param x the input batch, N×C×H×W
     */
    public static NDArray avgPool2x2(NDArray x) {
        return Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, false);
    }

    /**
     * {@return 2×2 max pooling with stride 2 (PC-DARTS's bypass of the channels a stride-2 edge does not mix)}
     *
     * @param x the input batch, N×C×H×W
     * @since 0.3
     */
    public static NDArray maxPool2x2(NDArray x) {
        return Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
    }

    /**
     * ShuffleNet's channel shuffle with {@code groups} groups: channel {@code g·(C/groups) + i} moves to
     * {@code i·groups + g} (PC-DARTS's {@code channel_shuffle}).
     *
     * @param x the batch, N×C×H×W, C divisible by {@code groups}
     * @param groups the number of groups
     * @return the shuffled batch
     * @since 0.3
     */
    public static NDArray channelShuffle(NDArray x, int groups) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        return x.reshape(n, groups, c / groups, s.get(2), s.get(3)).transpose(0, 2, 1, 3, 4).reshape(s);
    }

    /**
     * The output of a partial-channel edge (PC-DARTS): the mixed output of the first C/k channels,
     * concatenated with the other channels of the edge's input (max-pooled 2×2 when the mixed output is
     * smaller, i.e. the edge has stride 2), then shuffled with k groups.
     *
     * @param mixed the edge's mixed output, N×(C/k)×H'×W'
     * @param input the edge's input, N×C×H×W
     * @param k the partial-channel factor
     * @return the edge's output, N×C×H'×W'
     * @since 0.3
     */
    public static NDArray partialChannelOutput(NDArray mixed, NDArray input, int k) {
        NDArray bypass = channelParts(input, k).get(1);
        if (mixed.getShape().get(2) != input.getShape().get(2)) {
            bypass = maxPool2x2(bypass);
        }
        return channelShuffle(ai.djl.ndarray.NDArrays.concat(new NDList(mixed, bypass), 1), k);
    }

    /**
     * {@return the first C/k channels of an edge's input, the part its ops see (PC-DARTS)}
     *
     * @param input the edge's input, N×C×H×W
     * @param k the partial-channel factor
     * @since 0.3
     */
    public static NDArray partialChannelInput(NDArray input, int k) {
        return channelParts(input, k).get(0);
    }

    /**
     * The first C/k channels and the rest, by a split: MXNet 1.9's slice (what {@code get(":, :n")} runs)
     * killed the process with SIGFPE on a NAS-Bench-201 supernet's cell input (4×8×8×8, k = 2), though not
     * on a fresh array of that shape; its split does not.
     */
    private static NDList channelParts(NDArray input, int k) {
        return input.split(new long[] {input.getShape().get(1) / k}, 1);
    }

    /**
     * {@return global average pooling to N×C}
     *
     * @param x the input batch, N×C×H×W
     */
    public static NDArray globalAvgPool(NDArray x) {
        NDArray p = Pool.globalAvgPool2d(x);
        long n = x.getShape().get(0);
        long c = x.getShape().get(1);
        return p.getShape().dimension() == 2 ? p : p.reshape(n, c);
    }
}
