package dev.zebrastream.audio;

import java.util.Random;

/**
 * Prints {@link LogMelExtractor#extractInto} throughput for the tiny-clap (1 s, 16 kHz) and
 * LAION-CLAP (10 s, 48 kHz) windows, single thread, after a warm-up. Not a test: timing depends
 * on the machine. Run: {@code java -cp target/classes:<deps> dev.zebrastream.audio.FrontEndBenchmark}.
 */
public final class FrontEndBenchmark {

    private FrontEndBenchmark() {
    }

    public static void main(String[] args) {
        FeatureSettings tiny = new FeatureSettings(16_000, 1.0, 512, 512, 160, FeatureSettings.Window.HANN_PERIODIC,
                true, FeatureSettings.PadMode.REFLECT, 2.0, 64, 50, 8000, FeatureSettings.MelScale.SLANEY,
                FeatureSettings.MelNorm.SLANEY, FeatureSettings.LogScale.DB, 1e-10, FeatureSettings.Padding.REPEATPAD);
        report("1 s @ 16 kHz (n_fft 512, hop 160)", tiny, 2.0);
        report("10 s @ 48 kHz (LAION-CLAP)", FeatureSettings.laionClap(), 5.0);
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
