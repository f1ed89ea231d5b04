package dev.zebrastream.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScoreMathTest {

    @Test
    void softmaxIsStableForLargeLogitsAndSumsToOne() {
        double[] p = ScoreMath.softmax(new double[] {1000, 999, 0});
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        assertEquals(1 / (1 + Math.exp(-1)), p[0], 1e-9);
        assertEquals(0.0, p[2], 1e-300);
    }

    @Test
    void normalisedEntropyIsZeroForCertaintyAndOneForUniform() {
        assertEquals(0.0, ScoreMath.normalizedEntropy(new double[] {1, 0, 0, 0}), 1e-12);
        assertEquals(1.0, ScoreMath.normalizedEntropy(new double[] {0.25, 0.25, 0.25, 0.25}), 1e-12);
        assertEquals(Math.log(2), ScoreMath.entropy(new double[] {0.5, 0.5}), 1e-12);
    }

    @Test
    void logitsAreScaledCosines() {
        float[] a = ScoreMath.normalize(new float[] {3, 4});
        float[][] t = ScoreMath.normalizeRows(new float[][] {{3, 4}, {-4, 3}, {0, 0}});
        assertArrayEquals(new double[] {100, 0, 0}, ScoreMath.logits(a, t, 100), 1e-5);
    }

    @Test
    void topKOrdersByValueAndBreaksTiesByIndex() {
        assertArrayEquals(new int[] {2, 0, 3}, ScoreMath.topK(new double[] {0.3, 0.1, 0.5, 0.3}, 3));
        assertArrayEquals(new int[] {1, 0}, ScoreMath.topK(new double[] {0.1, 0.9}, 5));
        assertEquals(2, ScoreMath.argmax(new double[] {0.3, 0.1, 0.5}));
    }
}
