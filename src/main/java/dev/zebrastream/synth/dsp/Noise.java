package dev.zebrastream.synth.dsp;

/** Coloured noise, each returned at unit RMS. */
public final class Noise {

    private Noise() {
    }

    public static float[] white(Rand rand, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = rand.noise();
        }
        return Signals.normalizeRms(out);
    }

    /** -3 dB/octave, Paul Kellet's economy filter (accurate to about 0.5 dB above 10 Hz at 44.1 kHz). */
    public static float[] pink(Rand rand, int n) {
        float[] out = new float[n];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < n; i++) {
            double w = rand.noise();
            b0 = 0.99765 * b0 + w * 0.0990460;
            b1 = 0.96300 * b1 + w * 0.2965164;
            b2 = 0.57000 * b2 + w * 1.0526913;
            out[i] = (float) (b0 + b1 + b2 + w * 0.1848);
        }
        return Signals.normalizeRms(out);
    }

    /** -6 dB/octave: leaky integration of white noise (the leak keeps it from wandering off). */
    public static float[] brown(Rand rand, int n) {
        float[] out = new float[n];
        double y = 0;
        for (int i = 0; i < n; i++) {
            y = 0.995 * y + rand.noise() * 0.1;
            out[i] = (float) y;
        }
        return Signals.normalizeRms(removeDc(out));
    }

    private static float[] removeDc(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= Math.max(1, x.length);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] - mean);
        }
        return out;
    }

    public static float[] of(NoiseColour colour, Rand rand, int n) {
        return switch (colour) {
            case WHITE -> white(rand, n);
            case PINK -> pink(rand, n);
            case BROWN -> brown(rand, n);
        };
    }

    /** The three noise colours used for background beds. */
    public enum NoiseColour { WHITE, PINK, BROWN }
}
