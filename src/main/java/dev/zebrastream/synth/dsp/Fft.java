package dev.zebrastream.synth.dsp;

/** In-place iterative radix-2 complex FFT; the length must be a power of two. */
public final class Fft {

    private Fft() {
    }

    public static int nextPowerOfTwo(int n) {
        int size = 1;
        while (size < n) {
            size <<= 1;
        }
        return size;
    }

    public static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                swap(re, i, j);
                swap(im, i, j);
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wRe = Math.cos(angle);
            double wIm = Math.sin(angle);
            for (int start = 0; start < n; start += len) {
                double curRe = 1;
                double curIm = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = start + k;
                    int b = a + len / 2;
                    double tRe = re[b] * curRe - im[b] * curIm;
                    double tIm = re[b] * curIm + im[b] * curRe;
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    double next = curRe * wRe - curIm * wIm;
                    curIm = curRe * wIm + curIm * wRe;
                    curRe = next;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }

    /** Linear convolution of x with h via one FFT pass, truncated to the length of x. */
    public static float[] convolve(float[] x, float[] h) {
        int size = nextPowerOfTwo(x.length + h.length - 1);
        double[] xr = new double[size];
        double[] xi = new double[size];
        double[] hr = new double[size];
        double[] hi = new double[size];
        for (int i = 0; i < x.length; i++) {
            xr[i] = x[i];
        }
        for (int i = 0; i < h.length; i++) {
            hr[i] = h[i];
        }
        transform(xr, xi, false);
        transform(hr, hi, false);
        for (int i = 0; i < size; i++) {
            double re = xr[i] * hr[i] - xi[i] * hi[i];
            xi[i] = xr[i] * hi[i] + xi[i] * hr[i];
            xr[i] = re;
        }
        transform(xr, xi, true);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) xr[i];
        }
        return out;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
