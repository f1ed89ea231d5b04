package dev.zebrastream.synth.dsp;

/**
 * Topology-preserving-transform state-variable filter whose cutoff may change every sample: the tool
 * for moving resonances (wind gusts, vowel formants, engine revs) that a fixed biquad cannot follow.
 */
public final class Svf {

    private Svf() {
    }

    /** Band-pass (unity peak gain) with a per-sample centre frequency in Hz. */
    public static float[] bandpass(float[] x, float[] freq, double q, int sampleRate) {
        return run(x, freq, q, sampleRate, true);
    }

    /** Low-pass with a per-sample cutoff in Hz. */
    public static float[] lowpass(float[] x, float[] freq, double q, int sampleRate) {
        return run(x, freq, q, sampleRate, false);
    }

    private static float[] run(float[] x, float[] freq, double q, int sampleRate, boolean bandpass) {
        float[] out = new float[x.length];
        double ic1 = 0;
        double ic2 = 0;
        double k = 1 / q;
        double nyquistGuard = 0.45 * sampleRate;
        for (int i = 0; i < x.length; i++) {
            double f = Math.min(Math.max(freq[Math.min(i, freq.length - 1)], 5), nyquistGuard);
            double g = Math.tan(Math.PI * f / sampleRate);
            double a1 = 1 / (1 + g * (g + k));
            double v3 = x[i] - ic2;
            double v1 = a1 * ic1 + g * a1 * v3;
            double v2 = ic2 + g * v1;
            ic1 = 2 * v1 - ic1;
            ic2 = 2 * v2 - ic2;
            out[i] = (float) (bandpass ? k * v1 : v2);
        }
        return out;
    }
}
