package dev.zebrastream.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContextInitTest {

    @Test
    void randomContextHasCoopsSpreadAndDependsOnlyOnTheSeed() {
        float[] c = ContextInit.random(16, 64, 1);
        double mean = 0;
        double square = 0;
        for (float v : c) {
            mean += v / (double) c.length;
            square += v * (double) v / c.length;
        }
        assertEquals(16 * 64, c.length);
        assertEquals(0, mean, 0.003);
        assertEquals(0.02, Math.sqrt(square - mean * mean), 0.002);
        assertArrayEquals(c, ContextInit.random(16, 64, 1));
        assertFalse(Arrays.equals(c, ContextInit.random(16, 64, 2)));
    }

    @Test
    void phraseFillsTheLastRowsNextToTheClassName() {
        float[][] phrase = {{1, 2}, {3, 4}};
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 4}, ContextInit.fromEmbeddings(phrase, 3));
        assertArrayEquals(new float[] {1, 2, 3, 4}, ContextInit.fromEmbeddings(phrase, 2));
        assertThrows(IllegalArgumentException.class, () -> ContextInit.fromEmbeddings(phrase, 1));
    }
}
