package dev.zebrastream.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The resampler's quality, stated in docs/frontend.md: against scipy's resample_poly on the same
 * signal (golden files made by tools/fixtures/resample_golden.py), flatness of the passband, and
 * rejection of what would alias.
 */
class ResamplerQualityTest {

    @ParameterizedTest
    @CsvSource({"44100,16000", "48000,16000", "22050,16000", "16000,48000"})
    void agreesWithScipyResamplePolyOnInBandTones(int source, int target) throws IOException {
        float[] in = golden("tones-" + source + ".f32");
        float[] reference = golden("tones-" + source + "-to-" + target + ".scipy.f32");
        float[] ours = Resampler.resample(new AudioClip(in, source), target).samples();
        assertEquals(reference.length, ours.length, "same length as scipy");
        // Both filters see the signal's ends as silence differently; compare away from them.
        int edge = target / 50;
        double signal = 0;
        double error = 0;
        for (int i = edge; i < ours.length - edge; i++) {
            signal += reference[i] * reference[i];
            error += (ours[i] - reference[i]) * (ours[i] - reference[i]);
        }
        double snr = 10 * Math.log10(signal / error);
        System.out.printf(Locale.ROOT, "resampler vs scipy resample_poly %d -> %d Hz: %.1f dB%n", source, target, snr);
        assertTrue(snr >= 55, source + " -> " + target + ": " + snr + " dB");
    }

    @ParameterizedTest
    @CsvSource({"44100,16000", "48000,16000", "22050,16000", "16000,48000", "48000,44100"})
    void passbandIsFlatAndAliasesAreRejected(int source, int target) {
        double nyquist = Math.min(source, target) / 2.0;
        double worstPassband = 0;
        for (double fraction = 0.05; fraction <= 0.80; fraction += 0.05) {
            worstPassband = Math.max(worstPassband, Math.abs(gainDb(fraction * nyquist, source, target)));
        }
        double worstAlias = Double.NEGATIVE_INFINITY;
        if (source > target) {
            for (double fraction = 1.05; fraction <= 1.5 && fraction * nyquist < source / 2.0; fraction += 0.05) {
                worstAlias = Math.max(worstAlias, outputLevelDb(fraction * nyquist, source, target));
            }
        }
        System.out.printf(Locale.ROOT, "resampler %d -> %d Hz: passband (to 0.8 Nyquist) within %.4f dB, "
                + "aliases (1.05-1.5 Nyquist) %s%n", source, target, worstPassband,
                source > target ? String.format(Locale.ROOT, "at most %.1f dB", worstAlias) : "none (upsampling)");
        assertTrue(worstPassband <= 0.1, "passband error " + worstPassband + " dB");
        assertTrue(worstAlias <= -60, "alias level " + worstAlias + " dB");
    }

    /** Gain at {@code frequency}: the output's amplitude at that frequency over the input's (1.0). */
    private static double gainDb(double frequency, int source, int target) {
        float[] out = Resampler.resample(new AudioClip(tone(frequency, source), source), target).samples();
        return 20 * Math.log10(amplitudeAt(out, frequency, target));
    }

    /** Everything a tone leaves in the output (an alias lands at another frequency), relative to full scale. */
    private static double outputLevelDb(double frequency, int source, int target) {
        float[] out = Resampler.resample(new AudioClip(tone(frequency, source), source), target).samples();
        double sum = 0;
        int edge = target / 20;
        for (int i = edge; i < out.length - edge; i++) {
            sum += out[i] * out[i];
        }
        return 10 * Math.log10(2 * sum / (out.length - 2 * edge));
    }

    private static float[] tone(double frequency, int rate) {
        float[] x = new float[rate / 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * frequency * i / rate);
        }
        return x;
    }

    /** Amplitude of the component at {@code frequency}, by a least-squares fit away from the ends. */
    private static double amplitudeAt(float[] x, double frequency, int rate) {
        double c = 0;
        double s = 0;
        int edge = rate / 20;
        int n = 0;
        for (int i = edge; i < x.length - edge; i++, n++) {
            double phase = 2 * Math.PI * frequency * i / rate;
            c += x[i] * Math.cos(phase);
            s += x[i] * Math.sin(phase);
        }
        return 2 * Math.hypot(c, s) / n;
    }

    private static float[] golden(String name) throws IOException {
        try (InputStream in = ResamplerQualityTest.class.getResourceAsStream("/resample/" + name)) {
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(out);
            return out;
        }
    }
}
