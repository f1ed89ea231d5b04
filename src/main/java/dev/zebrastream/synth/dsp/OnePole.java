package dev.zebrastream.synth.dsp;

/** First-order smoothing filters: cheap tilts and envelope followers. */
public final class OnePole {

    private OnePole() {
    }

    public static float[] lowpass(float[] x, double cutoffHz, int sampleRate) {
        double a = Math.exp(-2 * Math.PI * Math.min(cutoffHz, 0.45 * sampleRate) / sampleRate);
        float[] out = new float[x.length];
        double y = 0;
        for (int i = 0; i < x.length; i++) {
            y = (1 - a) * x[i] + a * y;
            out[i] = (float) y;
        }
        return out;
    }

    public static float[] highpass(float[] x, double cutoffHz, int sampleRate) {
        float[] low = lowpass(x, cutoffHz, sampleRate);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - low[i];
        }
        return out;
    }
}
