package dev.zebrastream.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    static AudioClip sine(double hz, double amplitude, int rate, double seconds) {
        float[] s = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return new AudioClip(s, rate);
    }

    /** Amplitude of the {@code hz} component over {@code [from, to)} by quadrature projection. */
    static double amplitudeAt(float[] s, int rate, double hz, int from, int to) {
        double re = 0;
        double im = 0;
        for (int i = from; i < to; i++) {
            re += s[i] * Math.cos(2 * Math.PI * hz * i / rate);
            im += s[i] * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return 2 * Math.hypot(re, im) / (to - from);
    }

    static double rms(float[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += s[i] * (double) s[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    @Test
    void sameRateReturnsTheClip() {
        AudioClip clip = sine(440, 0.5, 16_000, 0.1);
        assertSame(clip, Resampler.resample(clip, 16_000));
    }

    @Test
    void downsamplingKeepsLengthFrequencyAndAmplitude() {
        AudioClip out = Resampler.resample(sine(1000, 0.5, 44_100, 1.0), 16_000);
        float[] s = out.samples();
        assertEquals(16_000, out.sampleRate());
        assertEquals(16_000, s.length);
        // Away from the edges (filter start-up): the 1 kHz tone is all there is, at its amplitude.
        int from = 800;
        int to = 15_200;
        double amplitude = amplitudeAt(s, 16_000, 1000, from, to);
        assertEquals(0.5, amplitude, 0.005, "1 kHz amplitude");
        assertEquals(0.5 / Math.sqrt(2), rms(s, from, to), 0.005, "rms: no other content");
        assertTrue(amplitudeAt(s, 16_000, 1010, from, to) < 0.01, "energy sits at 1 kHz, not beside it");
        float[] ideal = sine(1000, 0.5, 16_000, 1.0).samples();
        for (int i = from; i < to; i++) {
            assertEquals(ideal[i], s[i], 0.005, "no delay: sample " + i);
        }
    }

    @Test
    void upsamplingKeepsLengthAndAmplitude() {
        AudioClip out = Resampler.resample(sine(440, 0.25, 16_000, 0.5), 48_000);
        assertEquals(24_000, out.samples().length);
        assertEquals(0.25, amplitudeAt(out.samples(), 48_000, 440, 2400, 21_600), 0.0025);
    }

    @Test
    void toneAboveTheNewNyquistIsRemovedNotAliased() {
        // 12 kHz at 48 kHz would alias to 4 kHz at 16 kHz without the anti-aliasing filter.
        AudioClip out = Resampler.resample(sine(12_000, 0.5, 48_000, 1.0), 16_000);
        float[] s = out.samples();
        double residual = rms(s, 800, 15_200);
        assertTrue(residual < 0.5 / Math.sqrt(2) * 1e-3, "12 kHz tone attenuated by > 60 dB, rms " + residual);
    }

    @Test
    void repeatedConversionsGiveIdenticalResults() {
        float[] in = new float[44_100];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) Math.sin(2 * Math.PI * 440 * i / 44_100.0);
        }
        AudioClip clip = new AudioClip(in, 44_100);
        float[] first = Resampler.resample(clip, 16_000).samples();
        float[] second = Resampler.resample(new AudioClip(new float[44_100], 44_100), 16_000).samples();
        float[] third = Resampler.resample(clip, 16_000).samples();
        org.junit.jupiter.api.Assertions.assertArrayEquals(first, third, "no state carried between conversions");
        org.junit.jupiter.api.Assertions.assertEquals(0f, second[100], 0f);
    }

    /**
     * The streaming resampler fed in blocks (of any size, the last flushed by finish) gives the
     * whole-clip conversion: same length and, for each sample, the same value within float noise of
     * the filter's time bookkeeping (measured at most 2.3e-4 for these signals).
     */
    @Test
    void blockwiseConversionMatchesTheWholeClip() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int[][] rates = {{44_100, 16_000}, {16_000, 48_000}, {22_050, 16_000}, {48_000, 48_000}};
        double worst = 0;
        for (int[] r : rates) {
            float[] in = sine(700, 0.4, r[0], 1.3).samples();
            for (int i = 0; i < in.length; i++) {
                in[i] += (float) (0.1 * random.nextDouble(-1, 1));
            }
            float[] whole = Resampler.resample(new AudioClip(in, r[0]), r[1]).samples();
            for (int block : new int[] {1000, 16_384, 0}) {
                StreamingResampler streaming = new StreamingResampler(r[0], r[1]);
                float[] out = new float[0];
                for (int from = 0; from < in.length; ) {
                    int to = Math.min(in.length, from + (block > 0 ? block : random.nextInt(1, 5000)));
                    out = concat(out, streaming.process(in, from, to));
                    from = to;
                }
                out = concat(out, streaming.finish(in, 0, 0));
                assertEquals(whole.length, out.length, r[0] + " -> " + r[1] + " in blocks of " + block);
                for (int i = 0; i < out.length; i++) {
                    worst = Math.max(worst, Math.abs(whole[i] - out[i]));
                    assertEquals(whole[i], out[i], 1e-3, r[0] + " -> " + r[1] + ", block " + block + ", sample " + i);
                }
            }
        }
        System.out.println("blockwise resampling: 4 rate pairs x 3 block patterns, max |difference| " + worst);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
