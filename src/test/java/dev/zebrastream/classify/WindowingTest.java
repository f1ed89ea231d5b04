package dev.zebrastream.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zebrastream.audio.AudioClip;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowingTest {

    private static AudioClip ramp(int n, int rate) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
        }
        return new AudioClip(s, rate);
    }

    @Test
    void coversEveryOneSampleWithAShorterLastWindow() {
        List<Windowing.Window> w = Windowing.cut(ramp(2500, 1000), 1.0, 1.0);
        assertEquals(3, w.size());
        assertEquals(1000, w.get(0).audio().samples().length);
        assertEquals(500, w.get(2).audio().samples().length);
        assertEquals(2000f, w.get(2).audio().samples()[0]);
        assertEquals(2.5, w.get(2).endSeconds(), 1e-12);
    }

    @Test
    void overlappingHopStepsByHop() {
        List<Windowing.Window> w = Windowing.cut(ramp(2000, 1000), 1.0, 0.5);
        assertEquals(3, w.size());
        assertEquals(0.5, w.get(1).startSeconds(), 1e-12);
        assertEquals(500f, w.get(1).audio().samples()[0]);
    }

    @Test
    void shortClipIsOneWindow() {
        List<Windowing.Window> w = Windowing.cut(ramp(300, 1000), 1.0, 1.0);
        assertEquals(1, w.size());
        assertEquals(0.3, w.get(0).endSeconds(), 1e-12);
    }

    @Test
    void rejectsNonPositiveLengths() {
        assertThrows(IllegalArgumentException.class, () -> Windowing.cut(ramp(10, 1000), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Windowing.cut(ramp(10, 1000), 1, -1));
    }
}
