package dev.naslab.api.train;

import dev.naslab.api.base.Rng;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.naslab.api.data.Augmentation;
import dev.naslab.api.data.Batch;
import dev.naslab.api.data.ImageSet;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.TrainingOutput;
import java.util.function.Function;

/**
 * Forward passes with their own memory scope: everything a pass creates lives in a sub-manager
 * that is closed right after its backward, so native memory stays flat over long runs.
 */
public final class Passes {

    private Passes() {
    }

    /**
     * Forward, cross-entropy and backward of one batch; gradients accumulate into every array
     * that requires them (zero them first).
     *
     * @param forward maps the pass-scoped input to logits; its arrays must derive from the input
     * @throws DivergedException when the loss is not finite
     * @param batch the batch
     * @return the batch's loss and accuracy
     */
    public static PassResult backward(Function<NDArray, NDArray> forward, Batch batch) {
        return backward(forward, batch, null);
    }

    /**
     * Forward, cross-entropy plus {@code term} (a regulariser of the architecture parameters, say),
     * and backward of one batch. The result's loss is the cross-entropy alone, its
     * {@link PassResult#term} the term's value.
     *
     * @param forward maps the pass-scoped input to logits; its arrays must derive from the input
     * @param batch the batch
     * @param term the loss term, or null for none
     * @throws DivergedException when the loss or the term is not finite
     * @return the batch's loss, accuracy and term
     * @since 0.3
     */
    public static PassResult backward(Function<NDArray, NDArray> forward, Batch batch, LossTerm term) {
        try (NDManager pass = batch.x().getManager().newSubManager()) {
            NDArray x = scoped(batch.x(), pass);
            NDArray logits;
            NDArray loss;
            NDArray extra = null;
            try (GradientCollector gc = pass.getEngine().newGradientCollector()) {
                logits = forward.apply(x);
                loss = crossEntropy(logits, batch.oneHot());
                if (term != null) {
                    extra = term.value(pass);
                    gc.backward(loss.add(extra));
                } else {
                    gc.backward(loss);
                }
            }
            PassResult r = result(logits, loss, batch);
            if (extra == null) {
                return r;
            }
            float t = extra.getFloat();
            if (!Float.isFinite(t)) {
                throw new DivergedException("loss term became " + t);
            }
            return new PassResult(r.lossSum(), r.correct(), r.count(), t);
        }
    }

    /**
     * Forward, loss and backward of one training batch of a discrete network with the evaluation
     * recipe: the loss is cross-entropy of the main logits plus {@code auxiliaryWeight} times that
     * of the auxiliary logits (when the forward returns them); accuracy is the main logits'.
     *
     * @since 0.2
     * @param forward the forward pass from the pass-scoped input to logits
     * @param auxiliaryWeight weight of the auxiliary head's loss
     * @param batch the batch
     * @return the batch's loss and accuracy
     */
    public static PassResult backward(Function<NDArray, TrainingOutput> forward, float auxiliaryWeight, Batch batch) {
        try (NDManager pass = batch.x().getManager().newSubManager()) {
            NDArray x = scoped(batch.x(), pass);
            TrainingOutput out;
            NDArray loss;
            try (GradientCollector gc = pass.getEngine().newGradientCollector()) {
                out = forward.apply(x);
                loss = recipeLoss(out, batch.oneHot(), auxiliaryWeight);
                gc.backward(loss);
            }
            return result(out.logits(), loss, batch);
        }
    }

    /**
     * Cross-entropy of the main logits plus {@code auxiliaryWeight} · cross-entropy of the
     * auxiliary logits (DARTS: {@code loss += auxiliary_weight * loss_aux}); the main term alone
     * when there are no auxiliary logits or the weight is 0.
     *
     * @since 0.2
     * @param out the network's training output (logits and auxiliary logits)
     * @param oneHot the labels, one-hot
     * @param auxiliaryWeight weight of the auxiliary head's loss
     * @return the loss
     */
    public static NDArray recipeLoss(TrainingOutput out, NDArray oneHot, float auxiliaryWeight) {
        NDArray loss = crossEntropy(out.logits(), oneHot);
        if (out.auxiliaryLogits() != null && auxiliaryWeight > 0f) {
            // the weight as an array of the pass, not mul(Number): DJL 0.36 on PyTorch frees a number's
            // memory when the multiply returns, while autograd keeps it for the backward pass
            NDArray weight = loss.getManager().create(auxiliaryWeight);
            loss = loss.add(crossEntropy(out.auxiliaryLogits(), oneHot).mul(weight));
        }
        return loss;
    }

    /**
     * {@return forward and loss without gradients (BatchNorm mode is the forward's business)}
     *
     * @param forward the forward pass from the pass-scoped input to logits
     * @param batch the batch
     */
    public static PassResult evaluate(Function<NDArray, NDArray> forward, Batch batch) {
        return evaluate(forward, batch, false);
    }

    /**
     * Forward and loss without gradients; {@code batchStatistics} says the forward uses
     * BatchNorm in training mode. MXNet only allows that while autograd is in training mode, so
     * there the pass runs inside a gradient collector (nothing is back-propagated); PyTorch
     * needs no collector, which keeps scoring passes free of autograd graphs.
     *
     * @param forward the forward pass from the pass-scoped input to logits
     * @param batch the batch
     * @param batchStatistics true to normalise with the batch's statistics, as DARTS-PT scores
     * @return the batch's loss and accuracy
     */
    public static PassResult evaluate(Function<NDArray, NDArray> forward, Batch batch, boolean batchStatistics) {
        try (NDManager pass = batch.x().getManager().newSubManager()) {
            NDArray x = scoped(batch.x(), pass);
            NDArray logits;
            NDArray loss;
            if (batchStatistics && !"PyTorch".equals(pass.getEngine().getEngineName())) {
                try (GradientCollector gc = pass.getEngine().newGradientCollector()) {
                    logits = forward.apply(x);
                    loss = crossEntropy(logits, batch.oneHot());
                }
            } else {
                logits = forward.apply(x);
                loss = crossEntropy(logits, batch.oneHot());
            }
            return result(logits, loss, batch);
        }
    }

    /**
     * Loss and accuracy of {@code net} over a whole split, in order, without gradients;
     * {@code batchStatistics} selects BatchNorm on batch statistics (supernet scoring) or on
     * running statistics (testing a trained network).
     *
     * @param net the network (a supernet or a discrete network)
     * @param set the split
     * @param batchSize images per batch
     * @param batchStatistics true to normalise with the batch's statistics, as DARTS-PT scores
     * @param root the manager the passes' arrays come from
     * @return loss and accuracy of {@code net} over a whole split, in order, without gradients
     */
    public static PassResult evaluate(Network net, ImageSet set, int batchSize, boolean batchStatistics,
            NDManager root) {
        PassResult total = PassResult.EMPTY;
        Rng unused = new Rng(0);
        for (int start = 0; start < set.size(); start += batchSize) {
            int n = Math.min(batchSize, set.size() - start);
            int[] pos = new int[n];
            for (int i = 0; i < n; i++) {
                pos[i] = start + i;
            }
            try (NDManager m = root.newSubManager(); Batch b = set.batch(pos, Augmentation.NONE, unused, m)) {
                total = total.plus(evaluate(x -> net.forward(x, batchStatistics), b, batchStatistics));
            }
        }
        return total;
    }

    /**
     * {@return mean cross-entropy of logits against one-hot targets}
     *
     * @param logits the logits, N×classes
     * @param oneHot the labels, one-hot
     */
    public static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
    }

    private static NDArray scoped(NDArray x, NDManager pass) {
        NDArray copy = x.duplicate();
        copy.attach(pass);
        return copy;
    }

    private static PassResult result(NDArray logits, NDArray loss, Batch batch) {
        float l = loss.getFloat();
        if (!Float.isFinite(l)) {
            throw new DivergedException("loss became " + l);
        }
        long[] pred = logits.argMax(1).toLongArray();
        int[] labels = batch.labels();
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (pred[i] == labels[i]) {
                correct++;
            }
        }
        return new PassResult((double) l * labels.length, correct, labels.length);
    }
}
