package dev.zebrastream.synth.dsp;

/**
 * Modal synthesis: a struck object rings as a sum of exponentially decaying sinusoids. Bells, glass,
 * wood and metal differ only in their mode ratios and decay times.
 */
public final class Modal {

    private Modal() {
    }

    /**
     * One strike of {@code n} samples. Modes at or above 0.45 fs are skipped. Each mode is a
     * recursive damped oscillator (two multiplies per sample) rather than a call to sin().
     */
    public static float[] strike(int n, int sampleRate, double[] freqs, double[] amps, double[] taus) {
        float[] out = new float[n];
        for (int m = 0; m < freqs.length; m++) {
            if (freqs[m] >= 0.45 * sampleRate || freqs[m] <= 0) {
                continue;
            }
            double w = 2 * Math.PI * freqs[m] / sampleRate;
            double r = Math.exp(-1 / (taus[m] * sampleRate));
            double c = 2 * r * Math.cos(w);
            double y1 = amps[m] * Math.sin(w);
            double y2 = 0;
            for (int i = 1; i < n; i++) {
                out[i] += (float) y1;
                double y = c * y1 - r * r * y2;
                y2 = y1;
                y1 = y;
            }
        }
        return out;
    }

    /** A short burst of noise through a band-pass: the contact transient of a hit. */
    public static float[] click(Rand rand, int sampleRate, double seconds, double centreHz, double q) {
        int n = Signals.samples(seconds, sampleRate);
        float[] burst = Signals.multiply(Noise.white(rand, n), Env.attackDecay(n, sampleRate, 0.0005, seconds / 4));
        return Biquad.bandpass(sampleRate, centreHz, q).apply(burst);
    }
}
