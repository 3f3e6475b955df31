package dev.naslab.api.train;

/**
 * Loss and accuracy of one or more passes, weighted by sample count.
 *
 * @param lossSum sum over samples of the cross-entropy (without added loss terms)
 * @param correct correctly classified samples
 * @param count   samples
 * @param term    the sum over passes of the {@link LossTerm} values added to their losses (0 without)
 */
public record PassResult(double lossSum, long correct, long count, double term) {

    /**
     * A result without loss terms.
     *
     * @param lossSum sum over samples of the cross-entropy
     * @param correct correctly classified samples
     * @param count   samples
     */
    public PassResult(double lossSum, long correct, long count) {
        this(lossSum, correct, count, 0);
    }

    /** Nothing seen yet. */
    public static final PassResult EMPTY = new PassResult(0, 0, 0);

    /** {@return mean loss per image} */
    public double loss() {
        return count == 0 ? Double.NaN : lossSum / count;
    }

    /** {@return top-1 accuracy in percent} */
    public double accuracy() {
        return count == 0 ? Double.NaN : 100.0 * correct / count;
    }

    /**
     * {@return the sums of this pass and {@code o}}
     *
     * @param o the other pass
     */
    public PassResult plus(PassResult o) {
        return new PassResult(lossSum + o.lossSum, correct + o.correct, count + o.count, term + o.term);
    }
}
