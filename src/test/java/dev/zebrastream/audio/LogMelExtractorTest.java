package dev.zebrastream.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.audio.FeatureSettings.LogScale;
import dev.zebrastream.audio.FeatureSettings.MelNorm;
import dev.zebrastream.audio.FeatureSettings.MelScale;
import dev.zebrastream.audio.FeatureSettings.PadMode;
import dev.zebrastream.audio.FeatureSettings.Padding;
import dev.zebrastream.audio.FeatureSettings.Window;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogMelExtractorTest {

    /** 8 samples at 8 kHz, 4-point FFT, hop 2: small enough to check by hand. */
    private static final FeatureSettings TINY = new FeatureSettings(8000, 0.001, 4, 4, 2, Window.HANN_PERIODIC,
            true, PadMode.REFLECT, 2.0, 2, 0, 4000, MelScale.HTK, MelNorm.NONE, LogScale.DB, 1e-10, Padding.REPEATPAD);

    @Test
    void hannWindows() {
        assertArrayEquals(new double[] {0, 0.5, 1, 0.5}, Window.HANN_PERIODIC.coefficients(4), 1e-15);
        assertArrayEquals(new double[] {0, 0.5, 1, 0.5, 0}, Window.HANN_SYMMETRIC.coefficients(5), 1e-15);
        double[] w = Window.HANN_PERIODIC.coefficients(1024);
        assertEquals(0.5 - 0.5 * Math.cos(2 * Math.PI * 100 / 1024), w[100], 1e-15);
        assertEquals(1.0, w[512], 1e-15);
    }

    @Test
    void shortWindowIsCentredInTheFrame() {
        FeatureSettings s = new FeatureSettings(8000, 0.01, 8, 4, 2, Window.HANN_PERIODIC, true, PadMode.REFLECT,
                2, 2, 0, 4000, MelScale.HTK, MelNorm.NONE, LogScale.DB, 1e-10, Padding.PAD);
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 1, 0.5, 0, 0}, Stft.frameWindow(s), 1e-15);
    }

    @Test
    void centrePaddingReflectsWithoutRepeatingTheEdge() {
        float[] buf = {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0};
        Stft.padCentre(buf, 2, 8, PadMode.REFLECT);
        assertArrayEquals(new float[] {3, 2, 1, 2, 3, 4, 5, 6, 7, 8, 7, 6}, buf);
        Stft.padCentre(buf, 2, 8, PadMode.CONSTANT);
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0}, buf);
    }

    @Test
    void powerSpectraOfAKnownSignalByHand() {
        assertEquals(5, TINY.validate().frames(), "1 + N / hop");
        float[] padded = {3, 2, 1, 2, 3, 4, 5, 6, 7, 8, 7, 6};
        Stft stft = new Stft(TINY);
        double[] power = new double[3];
        // Frame 0: [3, 2, 1, 2] * [0, .5, 1, .5] = [0, 1, 1, 1]; X = [3, -1, -1].
        stft.powerSpectrum(padded, 0, power);
        assertArrayEquals(new double[] {9, 1, 1}, power, 1e-5);
        // Frame 4: [7, 8, 7, 6] * window = [0, 4, 7, 3]; X = [14, -7 - i, 0].
        stft.powerSpectrum(padded, 4, power);
        assertArrayEquals(new double[] {196, 50, 0}, power, 1e-4);
    }

    @Test
    void windowFittingModes() {
        float[] abc = {1, 2, 3};
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3, 1, 2, 3, 0}, fit(abc, 10, Padding.REPEATPAD));
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3, 1, 2, 3, 1}, fit(abc, 10, Padding.REPEAT));
        assertArrayEquals(new float[] {1, 2, 3, 0, 0, 0, 0, 0, 0, 0}, fit(abc, 10, Padding.PAD));
        float[] long12 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        for (Padding p : Padding.values()) {
            assertArrayEquals(Arrays.copyOf(long12, 10), fit(long12, 10, p), "a longer signal is cut: " + p);
        }
    }

    @Test
    void repeatpadOfPointThreeSecondsIntoOneSecond() {
        float[] signal = new float[4800];
        for (int i = 0; i < signal.length; i++) {
            signal[i] = 1 + i;
        }
        float[] fitted = fit(signal, 16_000, Padding.REPEATPAD);
        for (int copy = 0; copy < 3; copy++) {
            assertArrayEquals(signal, Arrays.copyOfRange(fitted, copy * 4800, (copy + 1) * 4800), "copy " + copy);
        }
        assertArrayEquals(new float[1600], Arrays.copyOfRange(fitted, 14_400, 16_000), "zero tail, not a partial copy");
    }

    @Test
    void extractorPadsAsIfGivenThePaddedSignal() throws Exception {
        FeatureSettings tiny = FeatureSettingsTest.tinyClap();
        float[] short03 = ResamplerTest.sine(440, 0.5, 16_000, 0.3).samples();
        LogMelExtractor extractor = new LogMelExtractor(tiny);
        float[][] fromShort = extractor.extract(new AudioClip(short03, 16_000));
        float[][] fromPadded = extractor.extract(new AudioClip(fit(short03, 16_000, Padding.REPEATPAD), 16_000));
        assertEquals(101, fromShort.length);
        assertEquals(64, fromShort[0].length);
        assertArrayEquals(fromPadded, fromShort);
    }

    @Test
    void extractIntoWritesOnlyItsSliceOfABatch() throws Exception {
        LogMelExtractor extractor = new LogMelExtractor(FeatureSettingsTest.tinyClap());
        AudioClip clip = ResamplerTest.sine(1000, 0.3, 16_000, 1.0);
        int n = extractor.featureLength();
        float[] batch = new float[3 * n];
        Arrays.fill(batch, 42f);
        extractor.extractInto(clip, batch, n);
        float[][] expected = extractor.extract(clip);
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(expected[t], Arrays.copyOfRange(batch, n + t * 64, n + (t + 1) * 64));
        }
        assertTrue(allEqual(batch, 0, n, 42f) && allEqual(batch, 2 * n, 3 * n, 42f), "neighbours untouched");
        assertThrows(IndexOutOfBoundsException.class, () -> extractor.extractInto(clip, batch, 2 * n + 1));
    }

    @Test
    void otherRatesAreResampledFirst() throws Exception {
        LogMelExtractor extractor = new LogMelExtractor(FeatureSettingsTest.tinyClap());
        AudioClip at44k = ResamplerTest.sine(1000, 0.3, 44_100, 1.0);
        assertArrayEquals(extractor.extract(Resampler.resample(at44k, 16_000)), extractor.extract(at44k));
    }

    @Test
    void toneLandsInItsMelBand() throws Exception {
        LogMelExtractor extractor = new LogMelExtractor(FeatureSettingsTest.tinyClap());
        float[] frame = extractor.extract(ResamplerTest.sine(1000, 0.5, 16_000, 1.0))[50];
        int loudest = 0;
        for (int m = 1; m < frame.length; m++) {
            loudest = frame[m] > frame[loudest] ? m : loudest;
        }
        double centreHz = MelFilterBank.melToHertz(MelFilterBank.hertzToMel(50, MelScale.SLANEY)
                + (loudest + 1) * (MelFilterBank.hertzToMel(8000, MelScale.SLANEY)
                - MelFilterBank.hertzToMel(50, MelScale.SLANEY)) / 65, MelScale.SLANEY);
        assertEquals(1000, centreHz, 100, "band " + loudest);
    }

    @Test
    void silenceIsTheFloor() throws Exception {
        float[][] f = new LogMelExtractor(FeatureSettingsTest.tinyClap()).extract(new AudioClip(new float[16_000], 16_000));
        for (float[] frame : f) {
            for (float v : frame) {
                assertEquals(-100f, v);
            }
        }
    }

    @Test
    void rejectsEmptyAndNonFiniteClips() throws Exception {
        LogMelExtractor extractor = new LogMelExtractor(FeatureSettingsTest.tinyClap());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> extractor.extract(new AudioClip(new float[0], 16_000)));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> extractor.extract(new AudioClip(new float[] {0, Float.NaN}, 16_000)));
        assertTrue(nan.getMessage().contains("non-finite"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> extractor.extract(new AudioClip(new float[] {Float.POSITIVE_INFINITY}, 16_000)));
    }

    private static float[] fit(float[] signal, int n, Padding padding) {
        float[] out = new float[n];
        Arrays.fill(out, Float.NaN);
        WindowFitting.fit(signal, n, padding, out, 0);
        return out;
    }

    private static boolean allEqual(float[] a, int from, int to, float value) {
        for (int i = from; i < to; i++) {
            if (a[i] != value) {
                return false;
            }
        }
        return true;
    }
}
