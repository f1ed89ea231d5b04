package dev.zebrastream.synth.dsp;

/**
 * Second-order IIR section with coefficients from Robert Bristow-Johnson's Audio EQ Cookbook.
 * Centre frequencies are clamped below Nyquist so that one recipe works at any sample rate.
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {

    public static Biquad lowpass(int sampleRate, double freq, double q) {
        Terms t = Terms.of(sampleRate, freq, q);
        return normalised(t, (1 - t.cos) / 2, 1 - t.cos, (1 - t.cos) / 2, 1 + t.alpha, -2 * t.cos, 1 - t.alpha);
    }

    public static Biquad highpass(int sampleRate, double freq, double q) {
        Terms t = Terms.of(sampleRate, freq, q);
        return normalised(t, (1 + t.cos) / 2, -(1 + t.cos), (1 + t.cos) / 2, 1 + t.alpha, -2 * t.cos, 1 - t.alpha);
    }

    /** Band-pass with 0 dB peak gain. */
    public static Biquad bandpass(int sampleRate, double freq, double q) {
        Terms t = Terms.of(sampleRate, freq, q);
        return normalised(t, t.alpha, 0, -t.alpha, 1 + t.alpha, -2 * t.cos, 1 - t.alpha);
    }

    public static Biquad peaking(int sampleRate, double freq, double q, double gainDb) {
        Terms t = Terms.of(sampleRate, freq, q);
        double a = Math.pow(10, gainDb / 40);
        return normalised(t, 1 + t.alpha * a, -2 * t.cos, 1 - t.alpha * a,
                1 + t.alpha / a, -2 * t.cos, 1 - t.alpha / a);
    }

    public static Biquad lowShelf(int sampleRate, double freq, double gainDb) {
        return shelf(sampleRate, freq, gainDb, -1);
    }

    public static Biquad highShelf(int sampleRate, double freq, double gainDb) {
        return shelf(sampleRate, freq, gainDb, 1);
    }

    /** Shelf with slope 1; {@code side} is -1 for low shelf and +1 for high shelf (the cookbook's sign flips). */
    private static Biquad shelf(int sampleRate, double freq, double gainDb, int side) {
        Terms t = Terms.of(sampleRate, freq, Math.sqrt(0.5));
        double a = Math.pow(10, gainDb / 40);
        double s = side;
        double twoSqrtAAlpha = 2 * Math.sqrt(a) * t.alpha;
        double b0 = a * ((a + 1) + s * (a - 1) * t.cos + twoSqrtAAlpha);
        double b1 = -2 * s * a * ((a - 1) + s * (a + 1) * t.cos);
        double b2 = a * ((a + 1) + s * (a - 1) * t.cos - twoSqrtAAlpha);
        double a0 = (a + 1) - s * (a - 1) * t.cos + twoSqrtAAlpha;
        double a1 = 2 * s * ((a - 1) - s * (a + 1) * t.cos);
        double a2 = (a + 1) - s * (a - 1) * t.cos - twoSqrtAAlpha;
        return normalised(t, b0, b1, b2, a0, a1, a2);
    }

    private static Biquad normalised(Terms t, double b0, double b1, double b2, double a0, double a1, double a2) {
        return new Biquad(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    /** Filters a copy of {@code x} (direct form I, zero initial state). */
    public float[] apply(float[] x) {
        float[] out = new float[x.length];
        double x1 = 0;
        double x2 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double y = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = y;
            out[i] = (float) y;
        }
        return out;
    }

    /** Band-pass applied twice: a steeper skirt for carving narrow resonances out of noise. */
    public static float[] bandpass2(float[] x, int sampleRate, double freq, double q) {
        Biquad bp = bandpass(sampleRate, freq, q);
        return bp.apply(bp.apply(x));
    }

    private record Terms(double cos, double alpha) {
        static Terms of(int sampleRate, double freq, double q) {
            double f = Math.min(Math.max(freq, 5), 0.45 * sampleRate);
            double w = 2 * Math.PI * f / sampleRate;
            return new Terms(Math.cos(w), Math.sin(w) / (2 * q));
        }
    }
}
