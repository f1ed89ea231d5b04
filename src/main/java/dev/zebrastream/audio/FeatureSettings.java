package dev.zebrastream.audio;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The manifest's {@code audio} object: how a model turns a waveform into log-mel features.
 * Field names and semantics follow docs/model-contract.md ("Audio front end semantics").
 */
public record FeatureSettings(
        @JsonProperty("sample_rate") int sampleRate,
        @JsonProperty("window_seconds") double windowSeconds,
        @JsonProperty("n_fft") int nFft,
        @JsonProperty("win_length") int winLength,
        @JsonProperty("hop_length") int hopLength,
        @JsonProperty("window") Window window,
        @JsonProperty("center") boolean center,
        @JsonProperty("pad_mode") PadMode padMode,
        @JsonProperty("power") double power,
        @JsonProperty("n_mels") int nMels,
        @JsonProperty("f_min") double fMin,
        @JsonProperty("f_max") double fMax,
        @JsonProperty("mel_scale") MelScale melScale,
        @JsonProperty("mel_norm") MelNorm melNorm,
        @JsonProperty("log") LogScale log,
        @JsonProperty("log_floor") double logFloor,
        @JsonProperty("padding") Padding padding) {

    /** Analysis window applied to each frame. */
    public enum Window {
        /** {@code 0.5 - 0.5 cos(2 pi n / L)}: numpy/torch/HF default for spectral analysis. */
        @JsonProperty("hann_periodic") HANN_PERIODIC,
        /** {@code 0.5 - 0.5 cos(2 pi n / (L - 1))}: the filter-design form (and TarsosDSP's HannWindow). */
        @JsonProperty("hann_symmetric") HANN_SYMMETRIC;

        /** The {@code length} window coefficients, in double. */
        public double[] coefficients(int length) {
            double period = this == HANN_PERIODIC ? length : length - 1;
            double[] w = new double[length];
            if (period == 0) {
                w[0] = 1.0; // a one-point symmetric window has no shape; numpy returns [1]
                return w;
            }
            for (int n = 0; n < length; n++) {
                w[n] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * n / period);
            }
            return w;
        }
    }

    /** How a centred STFT extends the signal by {@code n_fft / 2} at each end. */
    public enum PadMode {
        /** numpy "reflect": mirror about the edge sample, which is not repeated. */
        @JsonProperty("reflect") REFLECT,
        @JsonProperty("constant") CONSTANT
    }

    public enum MelScale {
        /** librosa/Slaney: linear below 1 kHz, logarithmic above. */
        @JsonProperty("slaney") SLANEY,
        /** {@code 2595 log10(1 + f / 700)}. */
        @JsonProperty("htk") HTK
    }

    public enum MelNorm {
        /** Each triangle scaled by {@code 2 / (f_right - f_left)} (constant energy per band). */
        @JsonProperty("slaney") SLANEY,
        @JsonProperty("none") NONE
    }

    public enum LogScale {
        /** {@code 10 log10(max(mel, log_floor))}, reference 1.0, no top-db clipping. */
        @JsonProperty("db") DB
    }

    /** How a signal shorter than the window is brought to the window length. */
    public enum Padding {
        /** Whole copies {@code floor(N / len)} times, then zeros (Hugging Face CLAP "repeatpad"). */
        @JsonProperty("repeatpad") REPEATPAD,
        /** Tile and cut to N. */
        @JsonProperty("repeat") REPEAT,
        /** Zeros after the signal. */
        @JsonProperty("pad") PAD
    }

    /** The LAION-CLAP front end: Hugging Face ClapFeatureExtractor, "rand_trunc" path. */
    public static FeatureSettings laionClap() {
        return new FeatureSettings(48_000, 10.0, 1024, 1024, 480, Window.HANN_PERIODIC, true,
                PadMode.REFLECT, 2.0, 64, 50.0, 14_000.0, MelScale.SLANEY, MelNorm.SLANEY,
                LogScale.DB, 1e-10, Padding.REPEATPAD);
    }

    /** Samples in one analysis window: {@code round(window_seconds * sample_rate)}. */
    public int windowSamples() {
        return (int) Math.round(windowSeconds * sampleRate);
    }

    /** STFT frames in one window: {@code 1 + floor((N + 2 * pad - n_fft) / hop)}. */
    public int frames() {
        return 1 + (windowSamples() + 2 * centrePadding() - nFft) / hopLength;
    }

    /** Samples added at each end of the window before framing. */
    public int centrePadding() {
        return center ? nFft / 2 : 0;
    }

    /** Frequency bins of the one-sided spectrum. */
    public int frequencyBins() {
        return nFft / 2 + 1;
    }

    /** Checks every field; the exception message names the offending field. */
    public FeatureSettings validate() {
        require(sampleRate > 0, "sample_rate", "must be positive, got " + sampleRate);
        require(windowSeconds > 0 && Double.isFinite(windowSeconds), "window_seconds",
                "must be positive and finite, got " + windowSeconds);
        require(nFft > 0 && nFft % 2 == 0, "n_fft", "must be positive and even, got " + nFft);
        require(winLength > 0 && winLength <= nFft, "win_length",
                "must be in 1..n_fft (" + nFft + "), got " + winLength);
        require(hopLength > 0, "hop_length", "must be positive, got " + hopLength);
        require(power > 0 && Double.isFinite(power), "power", "must be positive, got " + power);
        require(nMels > 0, "n_mels", "must be positive, got " + nMels);
        require(fMin >= 0, "f_min", "must be >= 0, got " + fMin);
        require(fMax > fMin, "f_max", "must exceed f_min (" + fMin + "), got " + fMax);
        require(fMax <= sampleRate / 2.0, "f_max",
                "must not exceed sample_rate / 2 (" + sampleRate / 2.0 + "), got " + fMax);
        require(logFloor > 0, "log_floor", "must be positive, got " + logFloor);
        requirePresent();
        require(windowSamples() + 2 * centrePadding() >= nFft, "window_seconds",
                "window of " + windowSamples() + " samples is shorter than one n_fft frame");
        require(!center || padMode != PadMode.REFLECT || windowSamples() > nFft / 2, "pad_mode",
                "reflect padding by n_fft / 2 needs a window longer than " + nFft / 2 + " samples");
        return this;
    }

    private void requirePresent() {
        require(window != null, "window", "is missing");
        require(padMode != null, "pad_mode", "is missing");
        require(melScale != null, "mel_scale", "is missing");
        require(melNorm != null, "mel_norm", "is missing");
        require(log != null, "log", "is missing");
        require(padding != null, "padding", "is missing");
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("audio." + field + " " + problem);
        }
    }
}
