package dev.zebrastream.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoredSamplesTest {

    private static float float24(float v) {
        float[] one = {v};
        StoredSamples.FLOAT24.round(one);
        return one[0];
    }

    @Test
    void float24RoundsTheLowByteOfTheSignificandHalfAwayFromZero() {
        assertEquals(1f, float24(1f + 0x1p-17f), "under half a step: down");
        assertEquals(1f + 0x1p-15f, float24(1f + 0x1p-16f), "half a step: away from zero");
        assertEquals(-(1f + 0x1p-15f), float24(-(1f + 0x1p-16f)));
        assertEquals(2f, float24(Math.nextDown(2f)), "a carry moves into the exponent");
        assertEquals(0.5f, float24(0.5f), "exact values stay");
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(float24(-0f)));
    }

    @Test
    void roundingErrorStaysBelow96DbAtEveryLevelAndRoundingTwiceChangesNothing() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            float v = (float) ((random.nextDouble() * 2 - 1) * Math.pow(10, -8 + 12 * random.nextDouble()));
            float r = float24(v);
            assertTrue(Math.abs(r - v) <= Math.abs(v) * 0x1p-16f, v + " -> " + r);
            assertEquals(r, float24(r));
        }
    }

    @Test
    void eitherFormatReadsBackWhatItHoldsAndNamesItself() throws IOException {
        float[] samples = {0f, 0.5f, -0.123456f, 1e-7f, 65504f};
        for (StoredSamples format : StoredSamples.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            format.write(new DataOutputStream(bytes), samples);
            float[] back = StoredSamples.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            float[] expected = samples.clone();
            format.round(expected);
            assertArrayEquals(expected, back, format.name());
            assertEquals(5 + samples.length * (format == StoredSamples.FLOAT24 ? 3 : 4), bytes.size());
        }
        assertEquals(StoredSamples.FLOAT24, StoredSamples.parse(" Float24 "));
        assertThrows(IllegalArgumentException.class, () -> StoredSamples.parse("float16"));
    }
}
