package dev.zebrastream.synth.dsp;

/**
 * Oscillators driven by a per-sample frequency contour (Hz). Saw and square use PolyBLEP
 * corrections, so bright tones stay free of the aliasing whistle that naive ones have at 16 kHz.
 */
public final class Osc {

    private Osc() {
    }

    /** A constant contour of {@code n} samples. */
    public static float[] constant(double freq, int n) {
        float[] f = new float[n];
        java.util.Arrays.fill(f, (float) freq);
        return f;
    }

    public static float[] sine(float[] freq, int sampleRate) {
        float[] out = new float[freq.length];
        double phase = 0;
        for (int i = 0; i < freq.length; i++) {
            out[i] = (float) Math.sin(2 * Math.PI * phase);
            phase = wrap(phase + freq[i] / sampleRate);
        }
        return out;
    }

    public static float[] sine(double freq, int n, int sampleRate) {
        return sine(constant(freq, n), sampleRate);
    }

    public static float[] saw(float[] freq, int sampleRate) {
        float[] out = new float[freq.length];
        double phase = 0;
        for (int i = 0; i < freq.length; i++) {
            double dt = Math.min(freq[i] / sampleRate, 0.5);
            out[i] = (float) (2 * phase - 1 - polyBlep(phase, dt));
            phase = wrap(phase + dt);
        }
        return out;
    }

    /** Pulse wave with the given duty cycle (0.5 = square). */
    public static float[] pulse(float[] freq, double duty, int sampleRate) {
        float[] out = new float[freq.length];
        double phase = 0;
        for (int i = 0; i < freq.length; i++) {
            double dt = Math.min(freq[i] / sampleRate, 0.5);
            double value = phase < duty ? 1 : -1;
            value += polyBlep(phase, dt) - polyBlep(wrap(phase + 1 - duty), dt);
            out[i] = (float) value;
            phase = wrap(phase + dt);
        }
        return out;
    }

    /** Sum of harmonics k*f with amplitudes {@code amps[k-1]}; harmonics at or above 0.45 fs are skipped. */
    public static float[] harmonics(float[] freq, double[] amps, int sampleRate) {
        float[] out = new float[freq.length];
        double phase = 0;
        double limit = 0.45 * sampleRate;
        for (int i = 0; i < freq.length; i++) {
            double sum = 0;
            for (int k = 1; k <= amps.length && k * freq[i] < limit; k++) {
                sum += amps[k - 1] * Math.sin(2 * Math.PI * k * phase);
            }
            out[i] = (float) sum;
            phase = wrap(phase + freq[i] / sampleRate);
        }
        return out;
    }

    /** Times (in samples) at which a phase driven by {@code rate} (Hz per sample) wraps: jittered pulse onsets. */
    public static int[] onsets(float[] rate, int sampleRate) {
        int[] buffer = new int[rate.length];
        int count = 0;
        double phase = 1;
        for (int i = 0; i < rate.length; i++) {
            if (phase >= 1) {
                phase -= 1;
                buffer[count++] = i;
            }
            phase += rate[i] / sampleRate;
        }
        return java.util.Arrays.copyOf(buffer, count);
    }

    private static double wrap(double phase) {
        return phase - Math.floor(phase);
    }

    private static double polyBlep(double t, double dt) {
        if (dt <= 0) {
            return 0;
        }
        if (t < dt) {
            double x = t / dt;
            return x + x - x * x - 1;
        }
        if (t > 1 - dt) {
            double x = (t - 1) / dt;
            return x * x + x + x + 1;
        }
        return 0;
    }
}
