package dev.zebrastream.adapt;

import java.util.SplittableRandom;

/**
 * The directions one iteration of {@link SubspaceGaussNewton} probes: orthonormal rows. With at least as
 * many directions as coordinates, the coordinate basis; otherwise the previous step's direction (when
 * there is one) followed by seeded Gaussian directions, orthonormalised by Gram-Schmidt.
 */
final class SubspaceBasis {

    private SubspaceBasis() {
    }

    static double[][] draw(int dimension, int directions, double[] previousStep, SplittableRandom random) {
        if (directions >= dimension) {
            double[][] identity = new double[dimension][dimension];
            for (int i = 0; i < dimension; i++) {
                identity[i][i] = 1;
            }
            return identity;
        }
        double[][] basis = new double[directions][];
        int filled = 0;
        double[] along = previousStep == null ? null : orthonormalize(previousStep.clone(), basis, 0);
        if (along != null) {
            basis[filled++] = along;
        }
        while (filled < directions) {
            double[] v = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                v[i] = random.nextGaussian();
            }
            double[] unit = orthonormalize(v, basis, filled);
            if (unit != null) {
                basis[filled++] = unit;
            }
        }
        return basis;
    }

    /** v minus its projections on the first {@code count} rows (twice, for stability), unit length; null if ~0. */
    private static double[] orthonormalize(double[] v, double[][] basis, int count) {
        double before = Vectors.norm(v);
        if (!(before > 0)) {
            return null;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < count; k++) {
                double along = Vectors.dot(v, basis[k]);
                for (int i = 0; i < v.length; i++) {
                    v[i] -= along * basis[k][i];
                }
            }
        }
        double after = Vectors.norm(v);
        if (after < 1e-8 * before) {
            return null;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= after;
        }
        return v;
    }
}
