package dev.naslab.api.base;

/**
 * naslab's seeded random generator (SplitMix64). Its whole state is one {@code long}, so a
 * checkpoint restores it exactly, and it gives the same stream on every engine and machine.
 */
public final class Rng {

    private long state;

    /**
     * A generator seeded with {@code seed}.
     *
     * @param seed the seed to derive from (the trial's)
     */
    public Rng(long seed) {
        this.state = seed;
    }

    /**
     * {@return an independent stream derived from this one's seed and a label (e.g. "data", "init")}
     *
     * @param seed the seed to derive from (the trial's)
     * @param label what the generator is for
     */
    public static Rng derive(long seed, String label) {
        Rng r = new Rng(seed ^ (label.hashCode() * 0x9E3779B97F4A7C15L));
        r.nextLong();
        return r;
    }

    /** {@return the next 64 random bits} */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@return uniform in [0, 1)} */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * {@return uniform in [0, bound)}
     *
     * @param bound the exclusive upper bound
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** {@return a uniformly drawn boolean} */
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** {@return standard normal (Box–Muller, no cached second value so the state stays one long)} */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * Fisher–Yates shuffle in place.
     *
     * @param a the array to shuffle in place
     */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * {@return a random permutation of 0..n-1}
     *
     * @param n the number of elements
     */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** {@return the state, for checkpoints} */
    public long state() {
        return state;
    }

    /**
     * Restores a state saved with {@link #state()}.
     *
     * @param state the search state
     */
    public void setState(long state) {
        this.state = state;
    }
}
