package dev.zebrastream.audio;

/**
 * Log-mel features of one analysis window, per docs/model-contract.md ("Audio front end
 * semantics"): resample, fit to N samples, centre-pad, windowed FFT, power, mel, dB.
 *
 * <p>Reuses its buffers between calls: not thread-safe, use one instance per thread.
 */
public final class LogMelExtractor {

    private final FeatureSettings settings;
    private final MelFilterBank melBank;
    private final Stft stft;
    private final int windowSamples;
    private final int pad;
    private final int frames;
    private final float[] padded;
    private final double[] spectrum;
    private final double[] mel;

    public LogMelExtractor(FeatureSettings settings) {
        this.settings = settings.validate();
        this.melBank = MelFilterBank.of(settings);
        this.stft = new Stft(settings);
        this.windowSamples = settings.windowSamples();
        this.pad = settings.centrePadding();
        this.frames = settings.frames();
        this.padded = new float[windowSamples + 2 * pad];
        this.spectrum = new double[settings.frequencyBins()];
        this.mel = new double[settings.nMels()];
    }

    public FeatureSettings settings() {
        return settings;
    }

    /** T, the frames per window. */
    public int frames() {
        return frames;
    }

    /** Floats per window: {@code T * n_mels}. */
    public int featureLength() {
        return frames * settings.nMels();
    }

    /** Features {@code [T][n_mels]} (time major) of the clip's first window. */
    public float[][] extract(AudioClip clip) {
        float[] flat = new float[featureLength()];
        extractInto(clip, flat, 0);
        float[][] features = new float[frames][];
        for (int t = 0; t < frames; t++) {
            features[t] = java.util.Arrays.copyOfRange(flat, t * mel.length, (t + 1) * mel.length);
        }
        return features;
    }

    /**
     * Writes the features, time major ({@code dest[offset + t * n_mels + m]}), into
     * {@code dest[offset, offset + featureLength())}: a batch {@code [B, 1, T, n_mels]} is filled by
     * calling this with {@code offset = b * featureLength()}.
     *
     * @throws IllegalArgumentException for an empty clip or one with NaN or infinite samples
     */
    public void extractInto(AudioClip clip, float[] dest, int offset) {
        java.util.Objects.checkFromIndexSize(offset, featureLength(), dest.length);
        float[] samples = Resampler.resample(requireUsable(clip), settings.sampleRate()).samples();
        WindowFitting.fit(samples, windowSamples, settings.padding(), padded, pad);
        Stft.padCentre(padded, pad, windowSamples, settings.padMode());
        for (int t = 0; t < frames; t++) {
            stft.powerSpectrum(padded, t, spectrum);
            melBank.apply(spectrum, mel);
            writeDecibels(dest, offset + t * mel.length);
        }
    }

    private void writeDecibels(float[] dest, int at) {
        double floor = settings.logFloor();
        for (int m = 0; m < mel.length; m++) {
            dest[at + m] = (float) (10.0 * Math.log10(Math.max(mel[m], floor)));
        }
    }

    private static AudioClip requireUsable(AudioClip clip) {
        float[] s = clip.samples();
        if (s.length == 0) {
            throw new IllegalArgumentException("audio clip is empty");
        }
        for (int i = 0; i < s.length; i++) {
            if (!Float.isFinite(s[i])) {
                throw new IllegalArgumentException("audio clip has a non-finite sample at index " + i);
            }
        }
        return clip;
    }
}
