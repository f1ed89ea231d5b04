package dev.zebrastream.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.audio.FeatureSettings.MelNorm;
import dev.zebrastream.audio.FeatureSettings.MelScale;
import org.junit.jupiter.api.Test;

class MelFilterBankTest {

    @Test
    void slaneyScaleIsLinearBelowOneKilohertzAndContinuous() {
        assertEquals(15.0, MelFilterBank.hertzToMel(1000, MelScale.SLANEY), 1e-12);
        assertEquals(3.0, MelFilterBank.hertzToMel(200, MelScale.SLANEY), 1e-12);
        for (double hz : new double[] {50, 999, 1000, 4321, 14_000}) {
            assertEquals(hz, MelFilterBank.melToHertz(MelFilterBank.hertzToMel(hz, MelScale.SLANEY), MelScale.SLANEY), 1e-9);
            assertEquals(hz, MelFilterBank.melToHertz(MelFilterBank.hertzToMel(hz, MelScale.HTK), MelScale.HTK), 1e-9);
        }
    }

    @Test
    void htkScaleFormula() {
        assertEquals(2595.0 * Math.log10(2.0), MelFilterBank.hertzToMel(700, MelScale.HTK), 1e-12);
    }

    @Test
    void unnormalisedTrianglesPeakBelowOneAndOverlapByHalves() {
        double[][] w = MelFilterBank.create(257, 40, 0, 8000, 16_000, MelNorm.NONE, MelScale.HTK).toArray();
        for (int m = 0; m < 40; m++) {
            double peak = 0;
            for (double[] row : w) {
                assertTrue(row[m] >= 0 && row[m] <= 1);
                peak = Math.max(peak, row[m]);
            }
            assertTrue(peak > 0.5, "filter " + m + " reaches at least one bin near its centre");
        }
        // Between the first and last centre, adjacent triangles sum to one on every bin.
        for (int k = 20; k < 200; k++) {
            double sum = 0;
            for (double v : w[k]) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-9, "bin " + k);
        }
    }

    @Test
    void slaneyNormScalesEachTriangleByTwoOverItsWidth() {
        MelFilterBank plain = MelFilterBank.create(513, 64, 50, 14_000, 48_000, MelNorm.NONE, MelScale.SLANEY);
        MelFilterBank normed = MelFilterBank.create(513, 64, 50, 14_000, 48_000, MelNorm.SLANEY, MelScale.SLANEY);
        double step = (MelFilterBank.hertzToMel(14_000, MelScale.SLANEY) - MelFilterBank.hertzToMel(50, MelScale.SLANEY)) / 65;
        double mel10 = MelFilterBank.hertzToMel(50, MelScale.SLANEY) + 10 * step;
        double width = MelFilterBank.melToHertz(mel10 + 2 * step, MelScale.SLANEY) - MelFilterBank.melToHertz(mel10, MelScale.SLANEY);
        double[][] p = plain.toArray();
        double[][] n = normed.toArray();
        for (int k = 0; k < 513; k++) {
            assertEquals(p[k][10] * 2 / width, n[k][10], 1e-12);
        }
    }

    @Test
    void applyEqualsTheDenseProduct() {
        MelFilterBank bank = MelFilterBank.create(257, 64, 50, 8000, 16_000, MelNorm.SLANEY, MelScale.SLANEY);
        double[] spectrum = new double[257];
        for (int k = 0; k < spectrum.length; k++) {
            spectrum[k] = 1 + Math.sin(k);
        }
        double[] mel = new double[64];
        bank.apply(spectrum, mel);
        double[][] w = bank.toArray();
        for (int m = 0; m < 64; m++) {
            double expected = 0;
            for (int k = 0; k < 257; k++) {
                expected += spectrum[k] * w[k][m];
            }
            assertEquals(expected, mel[m], 1e-12 * Math.abs(expected));
        }
    }
}
