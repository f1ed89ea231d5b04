package dev.zebrastream.synth.dsp;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded randomness with the few distributions sound design needs. Every renderer receives its own
 * instance, so output depends only on the seed and never on shared state or thread scheduling.
 */
public final class Rand {

    private final SplittableRandom random;

    public Rand(long seed) {
        this(new SplittableRandom(seed));
    }

    private Rand(SplittableRandom random) {
        this.random = random;
    }

    /** An independent stream; later draws here do not shift the child's values. */
    public Rand split() {
        return new Rand(random.split());
    }

    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Uniform on a log scale: the right prior for frequencies, rates and time constants. */
    public double logUniform(double lo, double hi) {
        return Math.exp(uniform(Math.log(lo), Math.log(hi)));
    }

    /** An integer in [lo, hi], both inclusive. */
    public int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public double gaussian() {
        return random.nextGaussian();
    }

    /** White noise sample in [-1, 1). */
    public float noise() {
        return (float) (2 * random.nextDouble() - 1);
    }

    public long nextLong() {
        return random.nextLong();
    }

    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Multiplies {@code value} by a random factor in [1 - spread, 1 + spread]. */
    public double jitter(double value, double spread) {
        return value * uniform(1 - spread, 1 + spread);
    }
}
