package dev.zebrastream.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stated agreement of the JVM log-mel front end with a reference extractor, tiered by the
 * reference's level: float32 FFT rounding only shows in bins far below a frame's loudest part.
 * Measured values per signal are recorded in docs/frontend.md.
 */
public final class FeatureTolerance {

    /** Tiers: reference value above −60 dB, −80..−60 dB, at or below −80 dB. */
    private static final double[] LEVEL_FLOORS_DB = {-60, -80, Double.NEGATIVE_INFINITY};
    /** Against Hugging Face's ClapFeatureExtractor (its spectrum stored as complex64, like our float FFT). */
    public static final double[] HF_CLAP_DB = {0.002, 0.01, 0.05};
    /** Against tools/tinyclap/features.py, computed in float64: quiet bins show our float32 FFT's rounding. */
    public static final double[] TINY_CLAP_DB = {0.002, 0.05, 0.25};

    private FeatureTolerance() {
    }

    /** Asserts the tiered tolerance and returns the worst |Δ| per tier. */
    public static double[] assertClose(String name, float[] expected, float[] actual, double[] toleranceDb) {
        double[] worst = new double[LEVEL_FLOORS_DB.length];
        for (int i = 0; i < expected.length; i++) {
            int tier = tier(expected[i]);
            worst[tier] = Math.max(worst[tier], Math.abs(expected[i] - actual[i]));
        }
        System.out.printf("golden %-20s max|d| >-60 dB %.2g, -80..-60 dB %.2g, <=-80 dB %.2g%n",
                name, worst[0], worst[1], worst[2]);
        for (int t = 0; t < worst.length; t++) {
            assertTrue(worst[t] <= toleranceDb[t], name + ": max |d| " + worst[t] + " dB in bins above "
                    + LEVEL_FLOORS_DB[t] + " dB exceeds " + toleranceDb[t]);
        }
        return worst;
    }

    private static int tier(double db) {
        int t = 0;
        while (db <= LEVEL_FLOORS_DB[t]) {
            t++;
        }
        return t;
    }
}
