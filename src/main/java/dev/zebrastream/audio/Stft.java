package dev.zebrastream.audio;

import be.tarsos.dsp.util.fft.FloatFFT;
import dev.zebrastream.audio.FeatureSettings.PadMode;

/**
 * Short-time power spectra of a centre-padded signal. Holds its FFT scratch buffer, so one
 * instance serves one thread.
 */
final class Stft {

    private final int nFft;
    private final int hop;
    private final double halfPower;
    private final double[] window;
    private final float[] frame;
    private final FloatFFT fft;

    Stft(FeatureSettings settings) {
        this.nFft = settings.nFft();
        this.hop = settings.hopLength();
        this.halfPower = settings.power() / 2.0;
        this.window = frameWindow(settings);
        this.frame = new float[nFft];
        this.fft = new FloatFFT(nFft);
    }

    /**
     * The {@code win_length}-point window centred in {@code n_fft} zeros (torch and Hugging Face
     * place a shorter window in the middle of the frame).
     */
    static double[] frameWindow(FeatureSettings s) {
        double[] w = new double[s.nFft()];
        System.arraycopy(s.window().coefficients(s.winLength()), 0, w, (s.nFft() - s.winLength()) / 2, s.winLength());
        return w;
    }

    /**
     * Fills {@code buf[0, pad)} and {@code buf[pad + length, length + 2 pad)} around the signal in
     * {@code buf[pad, pad + length)}: numpy "reflect" (edge not repeated, needs pad < length) or zeros.
     */
    static void padCentre(float[] buf, int pad, int length, PadMode mode) {
        int end = pad + length;
        for (int i = 1; i <= pad; i++) {
            buf[pad - i] = mode == PadMode.REFLECT ? buf[pad + i] : 0f;
            buf[end - 1 + i] = mode == PadMode.REFLECT ? buf[end - 1 - i] : 0f;
        }
    }

    /** Writes {@code |X_t[k]|^power} for {@code k = 0 .. n_fft/2} of frame {@code t} into {@code out}. */
    void powerSpectrum(float[] padded, int t, double[] out) {
        int start = t * hop;
        for (int k = 0; k < nFft; k++) {
            frame[k] = (float) (padded[start + k] * window[k]);
        }
        fft.realForward(frame);
        // FloatFFT packs Re[0], Re[n/2], then (Re[k], Im[k]) pairs for 0 < k < n/2.
        out[0] = magnitudePower(frame[0], 0);
        out[nFft / 2] = magnitudePower(frame[1], 0);
        for (int k = 1; k < nFft / 2; k++) {
            out[k] = magnitudePower(frame[2 * k], frame[2 * k + 1]);
        }
    }

    private double magnitudePower(double re, double im) {
        double squared = re * re + im * im;
        return halfPower == 1.0 ? squared : Math.pow(squared, halfPower);
    }
}
