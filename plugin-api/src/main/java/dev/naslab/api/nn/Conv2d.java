package dev.naslab.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.base.Rng;

/** A 2-D convolution over NCHW input; bias-free unless asked (the NAS ops never use one). */
public final class Conv2d {

    private final NDArray weight;
    private final NDArray bias;
    private final Shape stride;
    private final Shape padding;
    private final Shape dilation;
    private final int groups;

    /**
     * @param name   parameter prefix; the weight is {@code name.weight}
     * @param groups input and output channels are split in this many groups (C for depthwise)
     * @param ps the parameter store that holds the weights
     * @param in input channels
     * @param out output channels
     * @param kernel kernel size
     * @param stride stride
     * @param padding zero padding on each side
     * @param dilation dilation of the kernel
     * @param bias learn a bias
     * @param rng the seeded generator to draw from
     */
    public Conv2d(ParamStore ps, String name, int in, int out, int kernel, int stride, int padding,
            int dilation, int groups, boolean bias, Rng rng) {
        long fanIn = (long) in / groups * kernel * kernel;
        int count = out * (in / groups) * kernel * kernel;
        this.weight = ps.weight(name + ".weight", new Shape(out, in / groups, kernel, kernel),
                Init.uniformFanIn(rng, count, fanIn));
        this.bias = bias ? ps.weight(name + ".bias", new Shape(out), Init.uniformFanIn(rng, out, fanIn)) : null;
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
        this.dilation = new Shape(dilation, dilation);
        this.groups = groups;
    }

    /**
     * A plain convolution without bias.
     *
     * @param ps the parameter store that holds the weights
     * @param name the name its arrays are registered under
     * @param in input channels
     * @param out output channels
     * @param kernel kernel size
     * @param stride stride
     * @param padding zero padding on each side
     * @param rng the seeded generator to draw from
     */
    public Conv2d(ParamStore ps, String name, int in, int out, int kernel, int stride, int padding, Rng rng) {
        this(ps, name, in, out, kernel, stride, padding, 1, 1, false, rng);
    }

    /**
     * {@return the convolution of {@code x} (N×C×H×W)}
     *
     * @param x the input batch, N×C×H×W
     */
    public NDArray forward(NDArray x) {
        NetworkProbe probe = NetworkProbe.current();
        if (probe == null) {
            return ai.djl.nn.convolutional.Conv2d.conv2d(x, weight, bias, stride, padding, dilation, groups)
                    .singletonOrThrow();
        }
        NDArray w = probe.parameter(weight, NetworkProbe.Layer.CONV, true);
        NDArray b = bias == null ? null : probe.parameter(bias, NetworkProbe.Layer.CONV, false);
        NDArray y = ai.djl.nn.convolutional.Conv2d.conv2d(x, w, b, stride, padding, dilation, groups).singletonOrThrow();
        Shape k = weight.getShape(); // out × in/groups × kh × kw
        probe.multiplyAdds(y.getShape().size() / y.getShape().get(0) * (k.get(1) * k.get(2) * k.get(3)),
                NetworkProbe.Layer.CONV);
        return probe.output(y, NetworkProbe.Layer.CONV);
    }
}
