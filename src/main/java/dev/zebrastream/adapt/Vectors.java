package dev.zebrastream.adapt;

/** The few dense-vector operations the forward-only optimisers share. */
final class Vectors {

    private Vectors() {
    }

    /** {@code z + step * u}, as a new array. */
    static double[] shifted(double[] z, double[] u, double step) {
        double[] out = z.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += step * u[i];
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
