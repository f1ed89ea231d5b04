package dev.zebrastream.audio;

import dev.zebrastream.audio.FeatureSettings.MelNorm;
import dev.zebrastream.audio.FeatureSettings.MelScale;

/**
 * Triangular mel filters over the bins of a one-sided spectrum, computed in double exactly as
 * {@code transformers.audio_utils.mel_filter_bank(..., triangularize_in_mel_space=False)}.
 *
 * <p>Each filter is non-zero on one contiguous run of bins, so it is stored as that run only;
 * {@link #toArray()} gives the dense Hugging Face layout {@code [frequency bins][mel filters]}.
 */
public final class MelFilterBank {

    private static final double SLANEY_LOG_START_HZ = 1000.0;
    private static final double SLANEY_LOG_START_MEL = 15.0;
    private static final double SLANEY_MELS_PER_LOG_HZ = 27.0 / Math.log(6.4);

    private final int frequencyBins;
    private final int[] firstBin;
    private final double[][] weights;

    private MelFilterBank(int frequencyBins, int[] firstBin, double[][] weights) {
        this.frequencyBins = frequencyBins;
        this.firstBin = firstBin;
        this.weights = weights;
    }

    /** The bank a feature extractor with these (validated) settings uses. */
    public static MelFilterBank of(FeatureSettings s) {
        return create(s.frequencyBins(), s.nMels(), s.fMin(), s.fMax(), s.sampleRate(), s.melNorm(), s.melScale());
    }

    /** Same arguments, same order and same result as Hugging Face's {@code mel_filter_bank}. */
    public static MelFilterBank create(int frequencyBins, int melFilters, double minFrequency,
            double maxFrequency, int samplingRate, MelNorm norm, MelScale scale) {
        double[] edges = filterEdgesHz(melFilters, minFrequency, maxFrequency, scale);
        double[] binHz = linspace(0, samplingRate / 2, frequencyBins); // integer Nyquist, as in HF
        int[] first = new int[melFilters];
        double[][] weights = new double[melFilters][];
        for (int m = 0; m < melFilters; m++) {
            double[] dense = triangle(binHz, edges[m], edges[m + 1], edges[m + 2]);
            if (norm == MelNorm.SLANEY) {
                scale(dense, 2.0 / (edges[m + 2] - edges[m]));
            }
            first[m] = firstNonZero(dense);
            weights[m] = java.util.Arrays.copyOfRange(dense, first[m], lastNonZero(dense) + 1);
        }
        return new MelFilterBank(frequencyBins, first, weights);
    }

    public static double hertzToMel(double hz, MelScale scale) {
        if (scale == MelScale.HTK) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        return hz >= SLANEY_LOG_START_HZ
                ? SLANEY_LOG_START_MEL + Math.log(hz / SLANEY_LOG_START_HZ) * SLANEY_MELS_PER_LOG_HZ
                : 3.0 * hz / 200.0;
    }

    public static double melToHertz(double mel, MelScale scale) {
        if (scale == MelScale.HTK) {
            return 700.0 * (Math.pow(10, mel / 2595.0) - 1.0);
        }
        return mel >= SLANEY_LOG_START_MEL
                ? SLANEY_LOG_START_HZ * Math.exp(Math.log(6.4) / 27.0 * (mel - SLANEY_LOG_START_MEL))
                : 200.0 * mel / 3.0;
    }

    public int frequencyBins() {
        return frequencyBins;
    }

    public int melFilters() {
        return weights.length;
    }

    /** Dense weights, {@code [frequency bins][mel filters]} like Hugging Face. */
    public double[][] toArray() {
        double[][] dense = new double[frequencyBins][weights.length];
        for (int m = 0; m < weights.length; m++) {
            for (int i = 0; i < weights[m].length; i++) {
                dense[firstBin[m] + i][m] = weights[m][i];
            }
        }
        return dense;
    }

    /** {@code mel[m] = sum_k spectrum[k] * W[k][m]}, touching only each filter's non-zero bins. */
    public void apply(double[] spectrum, double[] mel) {
        for (int m = 0; m < weights.length; m++) {
            double[] w = weights[m];
            int offset = firstBin[m];
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                sum += spectrum[offset + i] * w[i];
            }
            mel[m] = sum;
        }
    }

    /** {@code n + 2} band edges, evenly spaced in mel, converted back to Hz. */
    private static double[] filterEdgesHz(int melFilters, double minHz, double maxHz, MelScale scale) {
        double[] mels = linspace(hertzToMel(minHz, scale), hertzToMel(maxHz, scale), melFilters + 2);
        double[] hz = new double[mels.length];
        for (int i = 0; i < mels.length; i++) {
            hz[i] = melToHertz(mels[i], scale);
        }
        return hz;
    }

    /** Rising from {@code left} to 1 at {@code centre}, falling to 0 at {@code right}; clipped at 0. */
    private static double[] triangle(double[] binHz, double left, double centre, double right) {
        double[] w = new double[binHz.length];
        for (int k = 0; k < binHz.length; k++) {
            double rising = (binHz[k] - left) / (centre - left);
            double falling = (right - binHz[k]) / (right - centre);
            w[k] = Math.max(0.0, Math.min(rising, falling));
        }
        return w;
    }

    /** numpy.linspace with endpoint: {@code start + i * step}, last value exactly {@code stop}. */
    private static double[] linspace(double start, double stop, int count) {
        double[] y = new double[count];
        double step = count > 1 ? (stop - start) / (count - 1) : 0;
        for (int i = 0; i < count; i++) {
            y[i] = i * step + start;
        }
        if (count > 1) {
            y[count - 1] = stop;
        }
        return y;
    }

    private static void scale(double[] values, double factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
    }

    private static int firstNonZero(double[] w) {
        int k = 0;
        while (k < w.length && w[k] == 0) {
            k++;
        }
        return k == w.length ? 0 : k;
    }

    private static int lastNonZero(double[] w) {
        int k = w.length - 1;
        while (k > 0 && w[k] == 0) {
            k--;
        }
        return k;
    }
}
