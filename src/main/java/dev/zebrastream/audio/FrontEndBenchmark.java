package dev.zebrastream.audio;

import java.util.Random;

/**
 * Prints {@link LogMelExtractor#extractInto} throughput for the tiny-clap (1 s, 16 kHz) and
 * LAION-CLAP (10 s, 48 kHz) windows, and resampling throughput of sensor rates to 16 kHz by
 * {@link StreamingResampler} beside TarsosDSP's high-quality resampler (what the project used
 * before) in the same run; single thread, after a warm-up. Not a test: timing depends on the machine.
 * Run: {@code java -cp target/classes:<deps> dev.zebrastream.audio.FrontEndBenchmark}.
 */
public final class FrontEndBenchmark {

    private static final java.util.Map<Double, be.tarsos.dsp.resample.Resampler> TARSOS_DESIGNS = new java.util.HashMap<>();

    private FrontEndBenchmark() {
    }

    public static void main(String[] args) {
        FeatureSettings tiny = new FeatureSettings(16_000, 1.0, 512, 512, 160, FeatureSettings.Window.HANN_PERIODIC,
                true, FeatureSettings.PadMode.REFLECT, 2.0, 64, 50, 8000, FeatureSettings.MelScale.SLANEY,
                FeatureSettings.MelNorm.SLANEY, FeatureSettings.LogScale.DB, 1e-10, FeatureSettings.Padding.REPEATPAD);
        report("1 s @ 16 kHz (n_fft 512, hop 160)", tiny, 2.0);
        report("10 s @ 48 kHz (LAION-CLAP)", FeatureSettings.laionClap(), 5.0);
        for (int rate : new int[] {44_100, 48_000, 22_050}) {
            float[] second = noise(rate, rate).samples();
            double ours = secondsPerSecond(() -> new StreamingResampler(rate, 16_000).finish(second, 0, second.length));
            double tarsos = secondsPerSecond(() -> tarsos(second, 16_000 / (double) rate));
            System.out.printf("resample 1 s %5d -> 16000 Hz: polyphase %8.1f s/s, TarsosDSP %7.1f s/s, ratio %5.1f%n",
                    rate, ours, tarsos, ours / tarsos);
        }
    }

    /** Seconds of one-second audio converted per second of wall time. */
    private static double secondsPerSecond(Runnable convertOneSecond) {
        for (long end = System.nanoTime() + 1_000_000_000L; System.nanoTime() < end; ) {
            convertOneSecond.run(); // warm-up
        }
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < 3_000_000_000L) {
            convertOneSecond.run();
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The baseline, as the project ran it before: TarsosDSP's high-quality windowed-sinc resampler,
     * its filter designed once per factor and copied for each clip.
     */
    private static float[] tarsos(float[] in, double factor) {
        be.tarsos.dsp.resample.Resampler r = new be.tarsos.dsp.resample.Resampler(TARSOS_DESIGNS.computeIfAbsent(factor,
                f -> new be.tarsos.dsp.resample.Resampler(true, f, f)));
        float[] out = new float[(int) Math.ceil(in.length * factor) + 8192];
        r.process(factor, in, 0, in.length, true, out, 0, out.length);
        return out;
    }

    private static void report(String label, FeatureSettings settings, double seconds) {
        LogMelExtractor extractor = new LogMelExtractor(settings);
        AudioClip clip = noise(settings.windowSamples(), settings.sampleRate());
        float[] out = new float[extractor.featureLength()];
        run(extractor, clip, out, seconds / 2); // warm-up: let the JIT compile the hot loops
        long start = System.nanoTime();
        int windows = run(extractor, clip, out, seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-36s %8.1f windows/s  %7.3f ms/window%n", label, windows / elapsed, 1e3 * elapsed / windows);
    }

    private static int run(LogMelExtractor extractor, AudioClip clip, float[] out, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int windows = 0;
        while (System.nanoTime() < end) {
            extractor.extractInto(clip, out, 0);
            windows++;
        }
        return windows;
    }

    private static AudioClip noise(int length, int rate) {
        Random random = new Random(1);
        float[] s = new float[length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.1 * random.nextGaussian());
        }
        return new AudioClip(s, rate);
    }
}
