package dev.zebrastream.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private static final float[][] ZERO_SHOT = {{1, 0}, {0, 1}};
    private static final float[][] PROMPT = {{0, 1}, {1, 0}};

    @Test
    void zeroShotPicksTheClosestLabel() {
        Classifier c = new Classifier(List.of("a", "b"), ZERO_SHOT, null, 0.5, 100);
        Prediction p = c.predict(new float[] {0.9f, 0.1f}, 2);
        assertEquals("a", p.bestLabel());
        assertEquals(2, p.top().size());
        assertTrue(p.top().get(0).score() > p.top().get(1).score());
        assertFalse(c.hasLearnedPrompts());
    }

    @Test
    void fusionMixesBothLogitsByWeight() {
        float[] audio = {1, 0};
        double[] zs = ScoreMath.logits(audio, ZERO_SHOT, 10);
        double[] zp = ScoreMath.logits(audio, PROMPT, 10);
        double[] fused = new Classifier(List.of("a", "b"), ZERO_SHOT, PROMPT, 0.25, 10).logits(audio);
        assertArrayEquals(new double[] {0.25 * zp[0] + 0.75 * zs[0], 0.25 * zp[1] + 0.75 * zs[1]}, fused, 1e-9);
        assertArrayEquals(new double[] {7.5, 2.5}, fused, 1e-6);
    }

    @Test
    void equalWeightOfOpposedPromptsIsUncertain() {
        Prediction p = new Classifier(List.of("a", "b"), ZERO_SHOT, PROMPT, 0.5, 100).predict(new float[] {1, 0}, 1);
        assertEquals(1.0, p.entropy(), 1e-9);
    }

    @Test
    void mismatchedEmbeddingsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Classifier(List.of("a"), ZERO_SHOT, null, 0.5, 100));
        assertThrows(IllegalArgumentException.class,
                () -> new Classifier(List.of("a", "b"), ZERO_SHOT, new float[][] {{1, 0}}, 0.5, 100));
    }
}
