package dev.zebrastream.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ZerothOrderOptimizerTest {

    private static final int ROWS = 4;
    private static final int HIDDEN = 8;
    private static final int N = ROWS * HIDDEN;

    private final float[] target = randomVector(N, 5);
    private final double[] curvature = curvatures();
    private final ZoConfig config = new ZoConfig(300, 8, 0.01, 0.05, 0, 1, true, ZoMethod.SPSA);

    /** f(c) = sum_i w_i (c_i - c*_i)^2, w_i in [0.5, 2]: ill-conditioned enough that Adam matters. */
    private double quadratic(float[] c) {
        double f = 0;
        for (int i = 0; i < N; i++) {
            f += curvature[i] * (c[i] - target[i]) * (c[i] - target[i]);
        }
        return f;
    }

    /** Depends on the context only through its mean row: an H-dimensional problem in M*H floats. */
    private double meanRowQuadratic(float[] c) {
        double f = 0;
        for (int h = 0; h < HIDDEN; h++) {
            double mean = 0;
            for (int r = 0; r < ROWS; r++) {
                mean += c[r * HIDDEN + h] / ROWS;
            }
            f += (mean - target[h]) * (mean - target[h]);
        }
        return f;
    }

    @Test
    void fullSpaceConvergesToTheMinimumOfAQuadratic() {
        float[] start = new float[N];
        ZoResult r = new ZerothOrderOptimizer(config, p -> { }).minimize(batch(this::quadratic), start);
        assertTrue(r.bestLoss() < 1e-4 * quadratic(start), "loss " + r.bestLoss() + " from " + quadratic(start));
        assertTrue(distance(r.best(), target) < 0.05, "distance to the optimum " + distance(r.best(), target));
    }

    @Test
    void randomSubspaceReachesTheOptimumOfALowIntrinsicDimensionProblem() {
        float[] start = new float[N];
        ZoConfig subspace = config.withSubspaceDim(16).withLearningRate(0.2);
        ZoResult r = new ZerothOrderOptimizer(subspace, p -> { }).minimize(batch(this::meanRowQuadratic), start);
        assertTrue(r.bestLoss() < 1e-4 * meanRowQuadratic(start),
                "loss " + r.bestLoss() + " from " + meanRowQuadratic(start));
    }

    @Test
    void sameSeedGivesIdenticalResultsAndAnotherSeedDoesNot() {
        float[] start = randomVector(N, 9);
        ZoConfig subspace = config.withSubspaceDim(12).withSteps(40);
        ZoResult a = new ZerothOrderOptimizer(subspace, p -> { }).minimize(batch(this::quadratic), start);
        ZoResult b = new ZerothOrderOptimizer(subspace, p -> { }).minimize(batch(this::quadratic), start);
        ZoResult c = new ZerothOrderOptimizer(subspace.withSeed(2), p -> { }).minimize(batch(this::quadratic), start);
        assertArrayEquals(a.best(), b.best());
        assertArrayEquals(a.lossCurve(), b.lossCurve());
        assertFalse(Arrays.equals(a.best(), c.best()));
    }

    @Test
    void evaluatesAllCandidatesOfAStepInOneBatchAndReportsProgressAboutEveryTenthStep() {
        List<Integer> batchSizes = new ArrayList<>();
        List<ZoProgress> reports = new ArrayList<>();
        Function<List<float[]>, double[]> counting = contexts -> {
            batchSizes.add(contexts.size());
            return batch(this::quadratic).apply(contexts);
        };
        ZoResult r = new ZerothOrderOptimizer(config.withSteps(50), reports::add).minimize(counting, new float[N]);
        assertEquals(51, batchSizes.size(), "one call per step plus the final point");
        assertEquals(17, batchSizes.get(0), "current point and 8 antithetic pairs");
        assertEquals(1, batchSizes.get(50));
        assertEquals(50 * 17 + 1, r.evaluations());
        assertEquals(10, reports.size());
        assertEquals(50, reports.get(9).step());
        assertEquals(51, r.lossCurve().length);
        assertEquals(r.bestLoss(), Arrays.stream(r.lossCurve()).min().orElseThrow(), 0.0);
    }

    @Test
    void keepsTheBestIterateWhenLaterStepsMakeThingsWorse() {
        // A learning rate far too large for the problem: the run diverges after a lucky early point.
        ZoConfig wild = new ZoConfig(30, 4, 0.01, 5.0, 0, 3, false, ZoMethod.SPSA);
        float[] start = target.clone();
        start[0] += 0.1f;
        ZoResult r = new ZerothOrderOptimizer(wild, p -> { }).minimize(batch(this::quadratic), start);
        assertEquals(0, r.bestStep());
        assertArrayEquals(start, r.best());
        assertTrue(r.lossCurve()[30] > r.bestLoss());
    }

    @Test
    void refusesNonFiniteLosses() {
        Function<List<float[]>, double[]> broken = contexts -> new double[contexts.size()];
        Function<List<float[]>, double[]> nan = broken.andThen(f -> {
            f[0] = Double.NaN;
            return f;
        });
        assertThrows(IllegalStateException.class,
                () -> new ZerothOrderOptimizer(config, p -> { }).minimize(nan, new float[N]));
    }

    private static Function<List<float[]>, double[]> batch(ToDoubleFunction<float[]> f) {
        return contexts -> contexts.stream().mapToDouble(f).toArray();
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private static float[] randomVector(int n, long seed) {
        return LinearPromptEncoder.gaussian(1, n, new SplittableRandom(seed))[0];
    }

    private static double[] curvatures() {
        double[] w = new double[N];
        for (int i = 0; i < N; i++) {
            w[i] = 0.5 + 1.5 * i / (N - 1);
        }
        return w;
    }
}
