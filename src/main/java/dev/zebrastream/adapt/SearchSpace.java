package dev.zebrastream.adapt;

import java.util.SplittableRandom;

/** The coordinates the optimiser moves in, and how they map to a flat context vector. */
interface SearchSpace {

    int dimension();

    /** The coordinates of the starting context. */
    double[] origin();

    float[] context(double[] z);

    static SearchSpace of(float[] start, int subspaceDim, SplittableRandom random) {
        return subspaceDim == 0 ? new FullSpace(start) : new RandomSubspace(start, subspaceDim, random);
    }

    /** Every context float is a coordinate. */
    final class FullSpace implements SearchSpace {

        private final float[] start;

        FullSpace(float[] start) {
            this.start = start.clone();
        }

        @Override
        public int dimension() {
            return start.length;
        }

        @Override
        public double[] origin() {
            double[] z = new double[start.length];
            for (int i = 0; i < z.length; i++) {
                z[i] = start[i];
            }
            return z;
        }

        @Override
        public float[] context(double[] z) {
            float[] c = new float[z.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) z[i];
            }
            return c;
        }
    }

    /**
     * {@code c = c0 + A z} with A fixed, entries N(0, 1/d): a unit step in every z coordinate then moves
     * each context float by about one unit too, so mu and the learning rate mean the same in both spaces.
     */
    final class RandomSubspace implements SearchSpace {

        private final float[] start;
        private final float[][] basis;

        RandomSubspace(float[] start, int dimension, SplittableRandom random) {
            this.start = start.clone();
            this.basis = new float[start.length][dimension];
            double sd = 1 / Math.sqrt(dimension);
            for (float[] row : basis) {
                for (int j = 0; j < dimension; j++) {
                    row[j] = (float) (sd * random.nextGaussian());
                }
            }
        }

        @Override
        public int dimension() {
            return basis[0].length;
        }

        @Override
        public double[] origin() {
            return new double[dimension()];
        }

        @Override
        public float[] context(double[] z) {
            float[] c = new float[start.length];
            for (int i = 0; i < c.length; i++) {
                double s = start[i];
                float[] row = basis[i];
                for (int j = 0; j < z.length; j++) {
                    s += row[j] * z[j];
                }
                c[i] = (float) s;
            }
            return c;
        }
    }
}
