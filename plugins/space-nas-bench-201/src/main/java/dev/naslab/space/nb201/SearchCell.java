package dev.naslab.space.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.nn.BatchNorm2d;
import dev.naslab.api.nn.Conv2d;
import dev.naslab.api.nn.NetworkProbe;
import dev.naslab.api.nn.Ops;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;

/**
 * A NAS-Bench-201 search cell. Node i sums, over j &lt; i, the mixture of the five ops on edge
 * i←j. Work shared between edges that leave the same node j is done once: one ReLU of node j,
 * one 1×1 and one 3×3 convolution whose output channels stack the convolutions of all of j's
 * outgoing edges (BatchNorm is per channel, so one BN over the stack equals one BN per op), and
 * one average pooling. The convolutions' mixing weights are folded into their BatchNorm as a
 * per-channel scale (the search cell's BN has no γ of its own): one kernel instead of a BN, a
 * multiply per edge and their gradients. {@code none} contributes exactly zero and is skipped, as are ops whose
 * mixing weight is exactly zero; in hard mode ({@link MixingWeights#straightThrough}) a stacked convolution
 * runs when any outgoing edge chose it, weighted 0 on the others. The parameters equal those of separate per-edge ops.
 *
 * <p>With partial channels (k &gt; 1, PC-DARTS) the ops see the first C/k channels of node j (the same
 * slice for every outgoing edge, so the stacking above still holds); each edge's mixture is concatenated
 * with the C − C/k channels that bypass it and shuffled ({@link Ops#partialChannelOutput}), and, when the
 * mixing gives edges weights of their own ({@link MixingWeights#edgeWeight}), multiplied by its edge's
 * weight before the node sums. An edge with nothing to mix (no active op but {@code none}: removed,
 * masked, or decided {@code none}) contributes nothing, bypass included.
 */
final class SearchCell {

    private final int channels;
    /** k: the ops see channels / k of their input. */
    private final int partial;
    /** Whether the supernet was built with DARTS−'s auxiliary skip connections (identities here: stride 1). */
    private final boolean auxiliary;
    private final ParamStore ps;
    private final Conv2d[] conv1 = new Conv2d[3];
    private final Conv2d[] conv3 = new Conv2d[3];
    private final BatchNorm2d[] bn1 = new BatchNorm2d[3];
    private final BatchNorm2d[] bn3 = new BatchNorm2d[3];

    SearchCell(ParamStore ps, String name, int c, SupernetOptions options, Rng rng) {
        this.channels = c;
        this.partial = options.partialChannels();
        this.auxiliary = options.auxiliarySkip();
        this.ps = ps;
        int part = c / partial;
        for (int j = 0; j < 3; j++) {
            int fanOut = 3 - j;
            conv1[j] = new Conv2d(ps, name + ".node" + j + ".nor_conv_1x1", part, fanOut * part, 1, 1, 0, rng);
            bn1[j] = new BatchNorm2d(ps, name + ".node" + j + ".nor_conv_1x1.bn", fanOut * part, false);
            conv3[j] = new Conv2d(ps, name + ".node" + j + ".nor_conv_3x3", part, fanOut * part, 3, 1, 1, rng);
            bn3[j] = new BatchNorm2d(ps, name + ".node" + j + ".nor_conv_3x3.bn", fanOut * part, false);
        }
    }

    NDArray forward(NDArray x, MixingWeights w, boolean training) {
        String cell = Nb201Cell.NAME;
        NDArray[] nodes = new NDArray[Nb201Cell.NODES];
        NDArray[] inputs = new NDArray[Nb201Cell.NODES];
        Outgoing[] out = new Outgoing[3];
        boolean perEdge = partial > 1 || w.hasEdgeWeights(cell);
        NDArray beta = auxiliaryWeight(x, w);
        nodes[0] = x;
        for (int i = 1; i < Nb201Cell.NODES; i++) {
            NDList terms = new NDList();
            NDArray straight = null;
            for (int j = 0; j < i; j++) {
                int e = Nb201Cell.edge(i, j);
                NDArray st = w.straightThrough(cell, e);
                if (st != null) {
                    straight = straight == null ? st : straight.add(st);
                }
                if (out[j] == null) {
                    inputs[j] = partial == 1 ? nodes[j] : Ops.partialChannelInput(nodes[j], partial);
                    out[j] = outgoing(j, inputs[j], w, training);
                }
                NDList edgeTerms = perEdge ? new NDList() : terms;
                int slot = i - j - 1;
                if (w.active(cell, e, Nb201Cell.SKIP)) {
                    edgeTerms.add(w.weigh(cell, e, Nb201Cell.SKIP, inputs[j]));
                }
                if (w.active(cell, e, Nb201Cell.CONV1)) {
                    edgeTerms.add(out[j].conv1.get(slot)); // weighted inside its BatchNorm
                }
                if (w.active(cell, e, Nb201Cell.CONV3)) {
                    edgeTerms.add(out[j].conv3.get(slot));
                }
                if (w.active(cell, e, Nb201Cell.POOL)) {
                    edgeTerms.add(w.weigh(cell, e, Nb201Cell.POOL, out[j].pool));
                }
                if (perEdge && !edgeTerms.isEmpty()) {
                    terms.add(edgeOutput(Ops.sum(edgeTerms), nodes[j], w, e));
                }
                if (beta != null && w.edgeActive(cell, e)) {
                    terms.add(nodes[j].mul(beta)); // DARTS−: β·identity on every edge that computes anything
                }
            }
            nodes[i] = terms.isEmpty() ? x.zerosLike() : Ops.sum(terms);
            if (straight != null) {
                nodes[i] = nodes[i].add(straight); // hard mode: the uncomputed ops' gradient path
            }
        }
        return nodes[3];
    }

    /** β of the auxiliary skip connections as an array of the pass, or null when the pass has none. */
    private NDArray auxiliaryWeight(NDArray x, MixingWeights w) {
        if (w.auxiliarySkip() == 0) {
            return null;
        }
        if (!auxiliary) {
            throw new IllegalStateException("mixing weights with auxiliary skip connections, but this supernet was "
                    + "built without them (SupernetOptions.auxiliarySkip)");
        }
        // an array, not mul(Number): autograd reads the factor after the call (the API's mul(Number) rule)
        return x.getManager().create(w.auxiliarySkip());
    }

    /** One edge's mixture on partial channels made whole again and weighted by its edge's weight. */
    private NDArray edgeOutput(NDArray mixed, NDArray node, MixingWeights w, int e) {
        NDArray y = partial == 1 ? mixed : Ops.partialChannelOutput(mixed, node, partial);
        return w.hasEdgeWeights(Nb201Cell.NAME) ? y.mul(w.edgeWeight(Nb201Cell.NAME, e)) : y;
    }

    /** The op outputs of every edge leaving node j that any active op needs. */
    private Outgoing outgoing(int j, NDArray node, MixingWeights w, boolean training) {
        String cell = Nb201Cell.NAME;
        boolean needConv1 = false;
        boolean needConv3 = false;
        boolean needPool = false;
        for (int i = j + 1; i < Nb201Cell.NODES; i++) {
            int e = Nb201Cell.edge(i, j);
            needConv1 |= w.active(cell, e, Nb201Cell.CONV1);
            needConv3 |= w.active(cell, e, Nb201Cell.CONV3);
            needPool |= w.active(cell, e, Nb201Cell.POOL);
        }
        Outgoing o = new Outgoing();
        int fanOut = 3 - j;
        // the reference's supernet has a ReLU module in each conv op of each outgoing edge, run whatever its weight
        int reluModules = 2 * fanOut;
        if (!needConv1 && !needConv3 && NetworkProbe.current() != null) {
            NetworkProbe.current().reluInput(node, reluModules);
        }
        if (needConv1 || needConv3) {
            NDArray r = Ops.relu(node, reluModules);
            if (needConv1) {
                o.conv1 = split(bn1[j].forward(conv1[j].forward(r), training, scale(w, j, Nb201Cell.CONV1)), fanOut);
            }
            if (needConv3) {
                o.conv3 = split(bn3[j].forward(conv3[j].forward(r), training, scale(w, j, Nb201Cell.CONV3)), fanOut);
            }
        }
        if (needPool) {
            o.pool = Ops.avgPool3x3(node, 1, ps);
        }
        return o;
    }

    /**
     * The per-channel scale of node j's stacked op-{@code k} outputs: each outgoing edge's mixing
     * weight for the op, once per channel of its slot. Folding the weight into the BatchNorm that
     * ends the op gives {@code w · BN(conv(x))} in one kernel; its gradient reaches α through the
     * scale (as γ's would). When the weights are constants of the pass it is made on the host.
     */
    private NDArray scale(MixingWeights w, int j, int k) {
        NDArray matrix = w.matrix(Nb201Cell.NAME);
        float[][] constants = w.constants(Nb201Cell.NAME);
        int part = channels / partial;
        if (constants != null) {
            float[] s = new float[(Nb201Cell.NODES - 1 - j) * part];
            for (int i = j + 1; i < Nb201Cell.NODES; i++) {
                java.util.Arrays.fill(s, (i - j - 1) * part, (i - j) * part, constants[Nb201Cell.edge(i, j)][k]);
            }
            return matrix.getManager().create(s);
        }
        NDList parts = new NDList();
        for (int i = j + 1; i < Nb201Cell.NODES; i++) {
            parts.add(matrix.get(Nb201Cell.edge(i, j), k).reshape(1).repeat(0, part));
        }
        return parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts);
    }

    private NDList split(NDArray stacked, int parts) {
        return Ops.split(stacked, parts, 1);
    }

    private static final class Outgoing {
        NDList conv1;
        NDList conv3;
        NDArray pool;
    }

    int channels() {
        return channels;
    }
}
