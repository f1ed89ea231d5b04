package dev.zebrastream.synth.dsp;

/**
 * Source-filter voice: a glottal buzz (band-limited saw with spectral tilt) plus breath noise,
 * shaped by three moving formant resonances. Barks, meows, cries and babble are all this model
 * with different pitch and formant contours.
 */
public final class Voice {

    /** F1..F3 of a few vowels (adult male, Hz); scaled for smaller or larger vocal tracts. */
    private static final double[][] VOWELS = {
        {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480},
        {570, 840, 2410}, {660, 1720, 2410}, {440, 1020, 2240},
    };
    private static final double[] FORMANT_Q = {5, 9, 12};
    private static final double[] FORMANT_GAIN = {1.0, 0.6, 0.3};

    private Voice() {
    }

    /** Number of vowels in the table, for callers that pick vowels by index. */
    public static int vowelCount() {
        return VOWELS.length;
    }

    /** Formant {@code formant} (0..2) of vowel {@code vowel}, scaled by {@code tractScale}. */
    public static double formant(int vowel, int formant, double tractScale) {
        return VOWELS[vowel][formant] * tractScale;
    }

    /**
     * Renders a voiced sound. {@code formants[k]} is the per-sample contour of formant k.
     * {@code breath} in [0, 1] mixes aspiration noise into the source (rough barks, whispers).
     */
    public static float[] render(Rand rand, int sampleRate, float[] f0, float[][] formants, double breath) {
        float[] buzz = OnePole.lowpass(Osc.saw(f0, sampleRate), 600, sampleRate);
        float[] source = Signals.normalizeRms(buzz);
        if (breath > 0) {
            source = Signals.add(Signals.scale(source, 1 - breath), Signals.scale(Noise.white(rand, f0.length), breath));
        }
        float[] out = new float[f0.length];
        for (int k = 0; k < formants.length; k++) {
            float[] band = Svf.bandpass(source, formants[k], FORMANT_Q[k], sampleRate);
            Signals.addInto(out, band, 0, FORMANT_GAIN[k]);
        }
        return out;
    }

    /**
     * Formant contours that glide between random vowels every {@code 1/syllableRate} seconds:
     * the spectral motion that makes babble sound like speech without any words.
     */
    public static float[][] vowelTrack(Rand rand, int n, int sampleRate, double syllableRate, double tractScale) {
        float[][] tracks = new float[3][n];
        int step = Math.max(2, (int) (sampleRate / syllableRate));
        int previous = rand.between(0, VOWELS.length - 1);
        for (int start = 0; start < n; start += step) {
            int next = rand.between(0, VOWELS.length - 1);
            for (int i = start; i < Math.min(n, start + step); i++) {
                double w = Math.min(1, (i - start) / (0.4 * step));
                for (int k = 0; k < 3; k++) {
                    tracks[k][i] = (float) (tractScale * (VOWELS[previous][k] * (1 - w) + VOWELS[next][k] * w));
                }
            }
            previous = next;
        }
        return tracks;
    }

    /** Pseudo-speech: syllables with falling-rising intonation, pauses between phrases. */
    public static float[] babble(Rand rand, int n, int sampleRate) {
        double tract = rand.uniform(0.85, 1.25);
        double pitch = tract > 1.05 ? rand.uniform(170, 260) : rand.uniform(90, 150);
        double syllableRate = rand.uniform(3, 6);
        float[] f0 = Env.wander(rand, n, sampleRate, syllableRate, pitch, 0.2);
        float[] voiced = render(rand, sampleRate, f0, vowelTrack(rand, n, sampleRate, syllableRate, tract), 0.1);
        float[] syllables = Env.lfo(n, sampleRate, syllableRate, 0.5, 1.0, rand.uniform(0, 2 * Math.PI));
        float[] phrases = Env.wander(rand, n, sampleRate, 0.7, 0.5, 1.0);
        float[] envelope = new float[n];
        for (int i = 0; i < n; i++) {
            envelope[i] = Math.max(0, syllables[i]) * Math.max(0, phrases[i] - 0.15f);
        }
        return Signals.multiply(voiced, OnePole.lowpass(envelope, 30, sampleRate));
    }
}
