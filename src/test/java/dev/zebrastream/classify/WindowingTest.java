package dev.zebrastream.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.audio.AudioClip;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
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
    void hopLongerThanTheWindowNeverGivesAnEmptyWindow() {
        // Before the cutter, 2000 samples gave a second, empty window [2.0, 2.0] and 1500 an exception.
        assertEquals(List.of(0.0, 1.0), bounds(Windowing.cut(ramp(2000, 1000), 1.0, 2.0)));
        assertEquals(List.of(0.0, 1.0), bounds(Windowing.cut(ramp(1500, 1000), 1.0, 2.0)));
        assertEquals(List.of(0.0, 1.0, 2.0, 2.5), bounds(Windowing.cut(ramp(2500, 1000), 1.0, 2.0)));
        assertEquals(2000f, Windowing.cut(ramp(2500, 1000), 1.0, 2.0).get(1).audio().samples()[0]);
    }

    @Test
    void emptyClipHasNoWindows() {
        assertEquals(0, Windowing.cut(ramp(0, 1000), 1.0, 1.0).size());
    }

    /**
     * Fed in random pieces, the cutter gives the windows of the whole clip, and both agree with the
     * rule the cut always had: starts at multiples of the hop, the first window reaching the end is
     * the last, and (the fix) no window starts at or past the end.
     */
    @Test
    void cutterFedInPiecesGivesTheWindowsOfTheWholeClip() {
        SplittableRandom random = new SplittableRandom(11);
        int cases = 0;
        int windows = 0;
        for (int length : new int[] {1, 999, 1000, 1001, 2000, 7313}) {
            for (double[] winHop : new double[][] {{1, 1}, {1, 0.5}, {1, 0.3}, {0.25, 1}, {0.7, 0.7001}, {2, 0.25}}) {
                AudioClip clip = ramp(length, 1000);
                List<Windowing.Window> whole = Windowing.cut(clip, winHop[0], winHop[1]);
                assertEquals(reference(length, (int) Math.round(winHop[0] * 1000), (int) Math.round(winHop[1] * 1000)),
                        bounds(whole), length + " samples, window/hop " + winHop[0] + "/" + winHop[1]);
                List<Windowing.Window> pieces = inPieces(clip, winHop[0], winHop[1], random);
                assertEquals(bounds(whole), bounds(pieces));
                for (int i = 0; i < whole.size(); i++) {
                    assertArrayEquals(whole.get(i).audio().samples(), pieces.get(i).audio().samples());
                }
                cases++;
                windows += whole.size();
            }
        }
        System.out.println("window cuts compared: " + cases + " clips, " + windows + " windows, all equal");
    }

    /** Start and end seconds of every window, flattened. */
    private static List<Double> bounds(List<Windowing.Window> windows) {
        List<Double> out = new ArrayList<>();
        for (Windowing.Window w : windows) {
            out.add(w.startSeconds());
            out.add(w.endSeconds());
        }
        return out;
    }

    private static List<Double> reference(int length, int win, int hop) {
        List<Double> out = new ArrayList<>();
        for (int start = 0; start < length; start += hop) {
            int end = Math.min(length, start + win);
            out.add(start / 1000.0);
            out.add(end / 1000.0);
            if (end >= length) {
                break;
            }
        }
        return out;
    }

    private static List<Windowing.Window> inPieces(AudioClip clip, double win, double hop, SplittableRandom random) {
        WindowCutter cutter = new WindowCutter(clip.sampleRate(), win, hop);
        List<Windowing.Window> out = new ArrayList<>();
        float[] s = clip.samples();
        for (int from = 0; from < s.length; ) {
            int to = Math.min(s.length, from + random.nextInt(1, 700));
            cutter.add(s, from, to);
            from = to;
            drain(cutter, out);
        }
        cutter.end();
        drain(cutter, out);
        assertTrue(cutter.exhausted());
        return out;
    }

    private static void drain(WindowCutter cutter, List<Windowing.Window> out) {
        for (Optional<Windowing.Window> w = cutter.poll(); w.isPresent(); w = cutter.poll()) {
            out.add(w.get());
        }
    }

    @Test
    void rejectsNonPositiveLengths() {
        assertThrows(IllegalArgumentException.class, () -> Windowing.cut(ramp(10, 1000), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Windowing.cut(ramp(10, 1000), 1, -1));
    }
}
