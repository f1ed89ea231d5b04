package dev.zebrastream.adapt;

/**
 * Settings of the forward-only optimiser.
 *
 * @param steps        Adam steps (spsa) or trust-region iterations (subspace-gn) (default 300)
 * @param directions   spsa: random Gaussian directions K per step, each costs two loss evaluations (default 16);
 *                     subspace-gn: orthonormal directions r probed per iteration, each costs one encoder
 *                     evaluation (r at least the search-space dimension = every coordinate)
 * @param mu           finite-difference step along a direction, in search-space units (default 0.005; the
 *                     context vectors start at N(0, 0.02); spsa's Gaussian directions perturb each float by
 *                     about a quarter of that spread, subspace-gn's unit directions by mu / sqrt(dimension))
 * @param learningRate spsa: Adam step size; subspace-gn: initial trust radius per float, i.e. radius
 *                     {@code learningRate * sqrt(dimension)}, an Adam step's length (default 0.01)
 * @param subspaceDim  0 = optimise every context float; d > 0 = optimise z in R^d with
 *                     {@code c = c0 + A z}, A a fixed seeded Gaussian (BBT-style intrinsic dimension; default 0)
 * @param seed         seed of the directions and of A; same seed, same result (default 0)
 * @param cosineDecay  spsa: decay the learning rate to 0 along a half cosine (default true)
 * @param method       which optimiser runs (default spsa)
 */
public record ZoConfig(int steps, int directions, double mu, double learningRate, int subspaceDim, long seed,
                       boolean cosineDecay, ZoMethod method) {

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
        if (method == null) {
            throw new IllegalArgumentException("no optimiser method given");
        }
        if (subspaceDim < 0) {
            throw new IllegalArgumentException("subspace dimension must be 0 (full space) or positive");
        }
    }

    public static ZoConfig defaults() {
        return new ZoConfig(DEFAULT_STEPS, DEFAULT_DIRECTIONS, DEFAULT_MU, DEFAULT_LEARNING_RATE, 0, 0, true, ZoMethod.SPSA);
    }

    public ZoConfig withSteps(int newSteps) {
        return new ZoConfig(newSteps, directions, mu, learningRate, subspaceDim, seed, cosineDecay, method);
    }

    public ZoConfig withLearningRate(double newLearningRate) {
        return new ZoConfig(steps, directions, mu, newLearningRate, subspaceDim, seed, cosineDecay, method);
    }

    public ZoConfig withSubspaceDim(int newSubspaceDim) {
        return new ZoConfig(steps, directions, mu, learningRate, newSubspaceDim, seed, cosineDecay, method);
    }

    public ZoConfig withSeed(long newSeed) {
        return new ZoConfig(steps, directions, mu, learningRate, subspaceDim, newSeed, cosineDecay, method);
    }

    public ZoConfig withMethod(ZoMethod newMethod) {
        return new ZoConfig(steps, directions, mu, learningRate, subspaceDim, seed, cosineDecay, newMethod);
    }

    public ZoConfig withDirections(int newDirections) {
        return new ZoConfig(steps, newDirections, mu, learningRate, subspaceDim, seed, cosineDecay, method);
    }

    /** Loss evaluations per spsa step: the current point plus an antithetic pair per direction. */
    public int evaluationsPerStep() {
        return 2 * directions + 1;
    }

    /** Learning rate at step t (0-based). */
    public double learningRateAt(int t) {
        return cosineDecay ? learningRate * 0.5 * (1 + Math.cos(Math.PI * t / steps)) : learningRate;
    }
}
