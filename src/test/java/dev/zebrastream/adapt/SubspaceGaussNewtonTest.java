package dev.zebrastream.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The trust-region optimiser on a toy whose "encoder" is a known smooth nonlinear function,
 * {@code T_c(theta) = tanh(W_c theta + b_c)}, and whose loss of the embeddings is a weighted least squares.
 */
class SubspaceGaussNewtonTest {

    private static final int CLASSES = 3;
    private static final int WIDTH = 5;
    private static final int N = 12;

    private final double[][][] weights = new double[CLASSES][WIDTH][N];
    private final double[][] biases = new double[CLASSES][WIDTH];
    private final float[] optimum = new float[N];
    private final float[][] reachable;
    private int encoderCalls;

    SubspaceGaussNewtonTest() {
        SplittableRandom random = new SplittableRandom(17);
        for (int c = 0; c < CLASSES; c++) {
            for (int k = 0; k < WIDTH; k++) {
                biases[c][k] = 0.3 * random.nextGaussian();
                for (int i = 0; i < N; i++) {
                    weights[c][k][i] = random.nextGaussian() / Math.sqrt(N);
                }
            }
        }
        for (int i = 0; i < N; i++) {
            optimum[i] = (float) (0.8 * random.nextGaussian());
        }
        reachable = embed(toDouble(optimum));
    }

    private float[][] embed(double[] theta) {
        float[][] t = new float[CLASSES][WIDTH];
        for (int c = 0; c < CLASSES; c++) {
            for (int k = 0; k < WIDTH; k++) {
                double s = biases[c][k];
                for (int i = 0; i < N; i++) {
                    s += weights[c][k][i] * theta[i];
                }
                t[c][k] = (float) Math.tanh(s);
            }
        }
        return t;
    }

    private List<float[][]> encode(List<float[]> contexts) {
        encoderCalls++;
        List<float[][]> out = new ArrayList<>();
        for (float[] context : contexts) {
            out.add(embed(toDouble(context)));
        }
        return out;
    }

    /** sum_c sum_k w_ck (T_ck - y_ck)^2 with w in [0.5, 2]. */
    private static EmbeddingLoss leastSquares(float[][] target) {
        return new EmbeddingLoss() {
            @Override
            public double loss(float[][] t) {
                double f = 0;
                for (int c = 0; c < t.length; c++) {
                    for (int k = 0; k < t[c].length; k++) {
                        double d = t[c][k] - target[c][k];
                        f += weight(c, k) * d * d;
                    }
                }
                return f;
            }

            @Override
            public float[][] gradient(float[][] t) {
                float[][] g = new float[t.length][t[0].length];
                for (int c = 0; c < t.length; c++) {
                    for (int k = 0; k < t[c].length; k++) {
                        g[c][k] = (float) (2 * weight(c, k) * (t[c][k] - target[c][k]));
                    }
                }
                return g;
            }
        };
    }

    private static double weight(int c, int k) {
        return 0.5 + 1.5 * ((c * WIDTH + k) % 4) / 3.0;
    }

    private static ZoConfig config(int steps, int directions, double radiusPerFloat) {
        return new ZoConfig(steps, directions, 1e-3, radiusPerFloat, 0, 5, false, ZoMethod.SUBSPACE_GN);
    }

    private ZoResult run(ZoConfig config, EmbeddingLoss loss, float[] start) {
        return new SubspaceGaussNewton(config, p -> { }).minimize(this::encode, loss, start);
    }

    @Test
    void fullBasisConvergesToAReachableTargetThroughTheNonlinearEncoder() {
        EmbeddingLoss loss = leastSquares(reachable);
        float[] start = new float[N];
        ZoResult r = run(config(40, N, 0.05), loss, start);
        assertTrue(r.bestLoss() < 1e-6 * loss.loss(embed(new double[N])), "loss " + r.bestLoss());
        assertTrue(distance(r.best(), optimum) < 1e-2, "distance " + distance(r.best(), optimum));
    }

    @Test
    void randomSubspacesWithMomentumDirectionAlsoConverge() {
        EmbeddingLoss loss = leastSquares(reachable);
        ZoResult r = run(config(150, 4, 0.05), loss, new float[N]);
        assertTrue(r.bestLoss() < 1e-4 * loss.loss(embed(new double[N])), "loss " + r.bestLoss());
    }

    @Test
    void matchesTheOptimumOfExactGradientDescentOnAnUnreachableTarget() {
        float[][] target = new float[CLASSES][WIDTH];
        SplittableRandom random = new SplittableRandom(3);
        for (float[] row : target) {
            for (int k = 0; k < WIDTH; k++) {
                row[k] = (float) (0.9 * random.nextGaussian());
            }
        }
        EmbeddingLoss loss = leastSquares(target);
        double[] reference = exactGradientDescent(target, 200000, 0.05);
        double referenceLoss = loss.loss(embed(reference));
        ZoResult r = run(config(60, N, 0.05), loss, new float[N]);
        // float32 embeddings and forward differences bias the model's gradient slightly: 1e-3 of the loss.
        assertEquals(referenceLoss, r.bestLoss(), 1e-3 * referenceLoss);
        // The valley is flat in theta (15 outputs, 12 parameters, saturating tanh): compare what the encoder outputs.
        float[][] reached = embed(toDouble(r.best()));
        float[][] expected = embed(reference);
        for (int c = 0; c < CLASSES; c++) {
            assertTrue(distance(reached[c], expected[c]) < 0.02, "class " + c + ": " + distance(reached[c], expected[c]));
        }
    }

    @Test
    void lossNeverIncreasesAndEachIterationProbesInOneCall() {
        EmbeddingLoss loss = leastSquares(reachable);
        encoderCalls = 0;
        SubspaceGaussNewton optimizer = new SubspaceGaussNewton(config(20, 6, 0.05), p -> { });
        ZoResult r = optimizer.minimize(this::encode, loss, new float[N]);
        for (int t = 1; t < r.lossCurve().length; t++) {
            assertTrue(r.lossCurve()[t] <= r.lossCurve()[t - 1], "iteration " + t);
        }
        SubspaceGaussNewton.Trace trace = optimizer.trace();
        int candidates = (int) trace.attempts().stream().filter(SubspaceGaussNewton.Attempt::encoded).count();
        assertEquals(1 + 20 + candidates, encoderCalls, "start, one probe batch per iteration, one per candidate");
        assertEquals(1 + 20 * 6 + candidates, r.evaluations());
    }

    @Test
    void trustRegionShrinksOnRejection() {
        EmbeddingLoss loss = leastSquares(reachable);
        // A radius of 40 per float saturates tanh: the linear model promises far more than the step delivers.
        SubspaceGaussNewton optimizer = new SubspaceGaussNewton(config(8, N, 40), p -> { });
        ZoResult r = optimizer.minimize(this::encode, loss, new float[N]);
        SubspaceGaussNewton.Trace trace = optimizer.trace();
        List<SubspaceGaussNewton.Attempt> attempts = trace.attempts();
        assertTrue(trace.rejected() > 0, "no rejection: " + trace);
        assertTrue(trace.rejected() < attempts.size(), "nothing accepted: " + trace);
        for (int i = 0; i + 1 < attempts.size(); i++) {
            if (!attempts.get(i).accepted()) {
                assertEquals(attempts.get(i).radius() / 4, attempts.get(i + 1).radius(), 1e-12, "after rejection " + i);
            }
        }
        assertTrue(r.bestLoss() < loss.loss(embed(new double[N])));
    }

    @Test
    void sameSeedSameResultAndAnotherSeedDiffers() {
        EmbeddingLoss loss = leastSquares(reachable);
        ZoResult a = run(config(15, 4, 0.05), loss, new float[N]);
        ZoResult b = run(config(15, 4, 0.05), loss, new float[N]);
        ZoResult c = run(config(15, 4, 0.05).withSeed(6), loss, new float[N]);
        assertArrayEquals(a.best(), b.best());
        assertArrayEquals(a.lossCurve(), b.lossCurve());
        assertFalse(Arrays.equals(a.best(), c.best()));
    }

    @Test
    void basisIsOrthonormalAndLeadsWithThePreviousStep() {
        double[] previous = {3, 0, 4, 0, 0, 0};
        double[][] basis = SubspaceBasis.draw(6, 4, previous, new SplittableRandom(1));
        assertEquals(4, basis.length);
        assertArrayEquals(new double[] {0.6, 0, 0.8, 0, 0, 0}, basis[0], 1e-12);
        for (int i = 0; i < basis.length; i++) {
            for (int j = 0; j < basis.length; j++) {
                assertEquals(i == j ? 1 : 0, Vectors.dot(basis[i], basis[j]), 1e-12);
            }
        }
        double[][] full = SubspaceBasis.draw(6, 10, previous, new SplittableRandom(1));
        assertEquals(6, full.length);
        assertEquals(1, full[2][2]);
    }

    /** Plain gradient descent with the encoder's exact Jacobian (tanh' = 1 - tanh^2). */
    private double[] exactGradientDescent(float[][] target, int steps, double rate) {
        EmbeddingLoss loss = leastSquares(target);
        double[] theta = new double[N];
        for (int s = 0; s < steps; s++) {
            float[][] t = embed(theta);
            float[][] g = loss.gradient(t);
            double[] grad = new double[N];
            for (int c = 0; c < CLASSES; c++) {
                for (int k = 0; k < WIDTH; k++) {
                    double dPre = g[c][k] * (1 - t[c][k] * (double) t[c][k]);
                    for (int i = 0; i < N; i++) {
                        grad[i] += dPre * weights[c][k][i];
                    }
                }
            }
            for (int i = 0; i < N; i++) {
                theta[i] -= rate * grad[i];
            }
        }
        return theta;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
