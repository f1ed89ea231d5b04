package dev.zebrastream.adapt;

import java.util.stream.IntStream;

/**
 * The loss with the text encoder linearised in a subspace: {@code m(a) = F(T0 + sum_j a_j V_j)}, where
 * {@code V_j ~ J u_j} are finite-difference Jacobian-vector products. F (normalisation, logits, CE,
 * entropies) stays exact; only the encoder is approximated. {@link #minimize} solves
 * {@code min m(a), |a| <= radius} with projected Adam, using the analytic gradient
 * {@code dm/da_j = <dF/dT, V_j>}; every step costs one pass of F (loss and gradient together), no encoder call.
 */
final class LinearisedModel {

    /** A minimiser of the model inside the trust region. */
    record Step(double[] coefficients, double value, double norm) {
    }

    private final EmbeddingLoss loss;
    private final float[][] origin;
    private final float[][][] columns;

    /** @param columns {@code V_j}, each shaped like {@code origin} */
    LinearisedModel(EmbeddingLoss loss, float[][] origin, float[][][] columns) {
        this.loss = loss;
        this.origin = origin;
        this.columns = columns;
    }

    /** The model's minimiser found by {@code steps} projected Adam steps from a = 0 (the best iterate seen). */
    Step minimize(double radius, int steps) {
        int r = columns.length;
        double[] a = new double[r];
        double[] best = a.clone();
        double bestValue = Double.POSITIVE_INFINITY;
        Adam adam = new Adam(r);
        double learningRate = radius / (8 * Math.sqrt(r));
        for (int t = 0; t <= steps; t++) {
            ZebraObjective.LossAndGradient here = loss.lossAndGradient(at(a));
            if (here.loss() < bestValue) {
                bestValue = here.loss();
                best = a.clone();
            }
            if (t == steps) {
                break;
            }
            adam.step(a, gradient(here.gradient()), learningRate * 0.5 * (1 + Math.cos(Math.PI * t / steps)));
            project(a, radius);
        }
        return new Step(best, bestValue, Vectors.norm(best));
    }

    /** {@code T0 + sum_j a_j V_j}. */
    float[][] at(double[] a) {
        float[][] out = new float[origin.length][];
        IntStream.range(0, origin.length).parallel().forEach(c -> {
            double[] row = new double[origin[c].length];
            for (int d = 0; d < row.length; d++) {
                row[d] = origin[c][d];
            }
            for (int j = 0; j < a.length; j++) {
                if (a[j] != 0) {
                    float[] v = columns[j][c];
                    for (int d = 0; d < row.length; d++) {
                        row[d] += a[j] * v[d];
                    }
                }
            }
            float[] f = new float[row.length];
            for (int d = 0; d < row.length; d++) {
                f[d] = (float) row[d];
            }
            out[c] = f;
        });
        return out;
    }

    /** {@code <G, V_j>} for every j. */
    private double[] gradient(float[][] g) {
        return IntStream.range(0, columns.length).parallel().mapToDouble(j -> {
            double s = 0;
            for (int c = 0; c < g.length; c++) {
                float[] v = columns[j][c];
                float[] gc = g[c];
                for (int d = 0; d < gc.length; d++) {
                    s += gc[d] * (double) v[d];
                }
            }
            return s;
        }).toArray();
    }

    private static void project(double[] a, double radius) {
        double n = Vectors.norm(a);
        if (n > radius) {
            for (int j = 0; j < a.length; j++) {
                a[j] *= radius / n;
            }
        }
    }
}
