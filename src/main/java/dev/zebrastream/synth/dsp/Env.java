package dev.zebrastream.synth.dsp;

/** Amplitude envelopes and slowly varying control contours. */
public final class Env {

    private Env() {
    }

    /** Exponential decay exp(-t / tau) after a linear attack. */
    public static float[] attackDecay(int n, int sampleRate, double attackSec, double tauSec) {
        float[] out = new float[n];
        int attack = Math.max(1, (int) (attackSec * sampleRate));
        for (int i = 0; i < n; i++) {
            double t = Math.max(0, i - attack) / (double) sampleRate;
            double rise = Math.min(1, (i + 1) / (double) attack);
            out[i] = (float) (rise * Math.exp(-t / tauSec));
        }
        return out;
    }

    /** Linear attack, flat hold, linear release: a gated tone of {@code n} samples in total. */
    public static float[] gate(int n, int sampleRate, double attackSec, double releaseSec) {
        float[] out = new float[n];
        int attack = Math.max(1, (int) (attackSec * sampleRate));
        int release = Math.max(1, (int) (releaseSec * sampleRate));
        for (int i = 0; i < n; i++) {
            double up = Math.min(1, (i + 1) / (double) attack);
            double down = Math.min(1, (n - i) / (double) release);
            out[i] = (float) Math.min(up, down);
        }
        return out;
    }

    /** Straight line from {@code from} to {@code to} over {@code n} samples. */
    public static float[] ramp(int n, double from, double to) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (from + (to - from) * i / Math.max(1, n - 1));
        }
        return out;
    }

    /** Exponential glide from {@code from} to {@code to}: pitch moves that sound even on a log scale. */
    public static float[] glide(int n, double from, double to) {
        float[] out = new float[n];
        double ratio = to / from;
        for (int i = 0; i < n; i++) {
            out[i] = (float) (from * Math.pow(ratio, i / (double) Math.max(1, n - 1)));
        }
        return out;
    }

    /**
     * A smooth random contour around {@code mean} with relative {@code depth}: cosine interpolation
     * between random points {@code 1/rateHz} seconds apart (gusts, throttle, crowd swells).
     */
    public static float[] wander(Rand rand, int n, int sampleRate, double rateHz, double mean, double depth) {
        int step = Math.max(2, (int) (sampleRate / rateHz));
        int points = n / step + 2;
        double[] knots = new double[points];
        for (int p = 0; p < points; p++) {
            knots[p] = mean * (1 + depth * rand.uniform(-1, 1));
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            int p = i / step;
            double frac = (i % step) / (double) step;
            double w = (1 - Math.cos(Math.PI * frac)) / 2;
            out[i] = (float) (knots[p] * (1 - w) + knots[p + 1] * w);
        }
        return out;
    }

    /** Sinusoidal modulation mean * (1 + depth * sin(2 pi rate t + phase)). */
    public static float[] lfo(int n, int sampleRate, double rateHz, double mean, double depth, double phase) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (mean * (1 + depth * Math.sin(2 * Math.PI * rateHz * i / sampleRate + phase)));
        }
        return out;
    }
}
