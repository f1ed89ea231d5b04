package dev.zebrastream.adapt;

/**
 * Settings of the forward-only optimiser.
 *
 * @param steps        Adam steps (default 300)
 * @param directions   random directions K per step; each costs two loss evaluations (default 16)
 * @param mu           finite-difference step along a direction, in search-space units (default 0.005; the
 *                     context vectors start at N(0, 0.02), so a step perturbs each float by about a quarter
 *                     of its initial spread, well above float32 noise in the text encoder)
 * @param learningRate Adam step size (default 0.01)
 * @param subspaceDim  0 = optimise every context float; d > 0 = optimise z in R^d with
 *                     {@code c = c0 + A z}, A a fixed seeded Gaussian (BBT-style intrinsic dimension; default 0)
 * @param seed         seed of the directions and of A; same seed, same result (default 0)
 * @param cosineDecay  decay the learning rate to 0 along a half cosine (default true)
 */
public record ZoConfig(int steps, int directions, double mu, double learningRate, int subspaceDim, long seed,
                       boolean cosineDecay) {

    public static final int DEFAULT_STEPS = 300;
    public static final int DEFAULT_DIRECTIONS = 16;
    public static final double DEFAULT_MU = 0.005;
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    public ZoConfig {
        if (steps < 1 || directions < 1) {
            throw new IllegalArgumentException("need at least one step and one direction");
        }
        if (!(mu > 0) || !(learningRate > 0)) {
            throw new IllegalArgumentException("mu and the learning rate must be positive");
        }
        if (subspaceDim < 0) {
            throw new IllegalArgumentException("subspace dimension must be 0 (full space) or positive");
        }
    }

    public static ZoConfig defaults() {
        return new ZoConfig(DEFAULT_STEPS, DEFAULT_DIRECTIONS, DEFAULT_MU, DEFAULT_LEARNING_RATE, 0, 0, true);
    }

    public ZoConfig withSteps(int newSteps) {
        return new ZoConfig(newSteps, directions, mu, learningRate, subspaceDim, seed, cosineDecay);
    }

    public ZoConfig withLearningRate(double newLearningRate) {
        return new ZoConfig(steps, directions, mu, newLearningRate, subspaceDim, seed, cosineDecay);
    }

    public ZoConfig withSubspaceDim(int newSubspaceDim) {
        return new ZoConfig(steps, directions, mu, learningRate, newSubspaceDim, seed, cosineDecay);
    }

    public ZoConfig withSeed(long newSeed) {
        return new ZoConfig(steps, directions, mu, learningRate, subspaceDim, newSeed, cosineDecay);
    }

    /** Loss evaluations per step: the current point plus an antithetic pair per direction. */
    public int evaluationsPerStep() {
        return 2 * directions + 1;
    }

    /** Learning rate at step t (0-based). */
    public double learningRateAt(int t) {
        return cosineDecay ? learningRate * 0.5 * (1 + Math.cos(Math.PI * t / steps)) : learningRate;
    }
}
