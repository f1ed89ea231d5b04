package dev.zebrastream.window;

import static dev.zebrastream.window.TestAudio.SENSOR;
import static dev.zebrastream.window.TestAudio.feed;
import static dev.zebrastream.window.TestAudio.frames;
import static dev.zebrastream.window.TestAudio.ramp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAssemblerTest {

    private static final int RATE = 16_000;
    /** 1 s windows, 0.5 s hop, defaults otherwise (reorder 8 frames, gap 0.5 s, idle 5 s). */
    private static final WindowConfig OVERLAP = WindowConfig.of(1.0, 0.5);

    @Test
    void oddFrameSizesGiveTheSameWindowsAsOneBigFrame() {
        float[] audio = ramp(5 * RATE);
        List<AssembledWindow> whole = feed(new WindowAssembler(SENSOR, OVERLAP), frames(audio, audio.length, RATE, 0));
        List<AssembledWindow> odd = feed(new WindowAssembler(SENSOR, OVERLAP), frames(audio, 333, RATE, 0));

        assertEquals(9, whole.size(), "5 s of audio, 1 s windows every 0.5 s");
        assertSameWindows(whole, odd);
        for (AssembledWindow window : odd) {
            assertArrayEquals(slice(audio, window.startSample(), window.endSample()), window.samples());
            assertEquals(window.startSample() * 1000 / RATE, window.startCaptureMs(), 1.0);
        }
    }

    @Test
    void overlappingAndAdjacentWindowsStartEveryHop() {
        float[] audio = ramp(3 * RATE);
        List<AssembledWindow> overlapping = feed(new WindowAssembler(SENSOR, OVERLAP), frames(audio, 320, RATE, 0));
        List<AssembledWindow> adjacent = feed(new WindowAssembler(SENSOR, WindowConfig.of(1.0, 1.0)),
                frames(audio, 320, RATE, 0));

        assertEquals(List.of(0L, 8000L, 16000L, 24000L, 32000L), starts(overlapping));
        assertEquals(List.of(0L, 16000L, 32000L), starts(adjacent));
        assertTrue(adjacent.stream().allMatch(w -> w.endSample() - w.startSample() == RATE && !w.partial()));
    }

    @Test
    void sensorsWithDifferentRatesGetWindowsAtTheirOwnRate() {
        WindowConfig config = WindowConfig.of(0.5, 0.5);
        List<AssembledWindow> slow = feed(new WindowAssembler(SENSOR, config), frames(ramp(8000), 160, 8000, 0));
        List<AssembledWindow> fast = feed(new WindowAssembler(SENSOR, config), frames(ramp(44100), 441, 44100, 0));

        assertEquals(List.of(0L, 4000L), starts(slow));
        assertEquals(List.of(0L, 22050L), starts(fast));
        assertEquals(22050, fast.get(1).samples().length);
        assertEquals(44100, fast.get(1).sampleRate());
    }

    @Test
    void rateChangeClosesTheSegmentAndStartsANewOne() {
        WindowAssembler assembler = new WindowAssembler(SENSOR, OVERLAP);
        List<MonoFrame> input = new ArrayList<>(frames(ramp(RATE + 4000), 1000, RATE, 0));
        int nextSeq = input.size();
        input.add(new MonoFrame(SENSOR, nextSeq, 1250, 8000, ramp(8000)));

        List<AssembledWindow> windows = feed(assembler, input);

        assertEquals(List.of("mic-1:0:0", "mic-1:0:8000", "mic-1:1:0"), windows.stream().map(AssembledWindow::id).toList());
        AssembledWindow closing = windows.get(1);
        assertTrue(closing.partial(), "the old segment's tail is emitted as a partial window");
        assertEquals(RATE + 4000, closing.endSample());
        assertEquals(8000, windows.get(2).sampleRate());
        assertEquals(1250, windows.get(2).startCaptureMs());
        assertEquals(2, assembler.stats().segmentsStarted());
    }

    @Test
    void duplicatesAreDroppedAndCounted() {
        float[] audio = ramp(3 * RATE);
        List<MonoFrame> clean = frames(audio, 500, RATE, 0);
        List<MonoFrame> withDuplicates = new ArrayList<>();
        for (MonoFrame frame : clean) {
            withDuplicates.add(frame);
            if (frame.sequence() % 10 == 0) {
                withDuplicates.add(frame);
            }
        }
        withDuplicates.add(clean.get(3));

        WindowAssembler assembler = new WindowAssembler(SENSOR, OVERLAP);
        assertSameWindows(feed(new WindowAssembler(SENSOR, OVERLAP), clean), feed(assembler, withDuplicates));
        assertEquals(11, assembler.stats().duplicatesDropped());
        assertEquals(clean.size(), assembler.stats().framesAccepted());
    }

    @Test
    void reorderingWithinTheBufferIsRepaired() {
        List<MonoFrame> ordered = frames(ramp(3 * RATE), 400, RATE, 0);
        List<MonoFrame> shuffled = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i += 4) {
            List<MonoFrame> block = new ArrayList<>(ordered.subList(i, Math.min(ordered.size(), i + 4)));
            Collections.reverse(block);
            shuffled.addAll(block);
        }

        WindowAssembler assembler = new WindowAssembler(SENSOR, OVERLAP);
        assertSameWindows(feed(new WindowAssembler(SENSOR, OVERLAP), ordered), feed(assembler, shuffled));
        assertEquals(90, assembler.stats().reordered(), "3 of every 4 frames arrive after a higher number");
        assertEquals(0, assembler.stats().gapsFilled());
        assertEquals(1, assembler.stats().segmentsStarted());
    }

    @Test
    void fullReorderBufferReleasesItsLowestFrameAndTheHoleBecomesAGap() {
        WindowConfig smallBuffer = new WindowConfig(1.0, 1.0, 2, 0.5, 2.0, 5_000);
        WindowAssembler assembler = new WindowAssembler(SENSOR, smallBuffer);
        List<MonoFrame> input = frames(ramp(2 * RATE), 1600, RATE, 0);

        assertEquals(List.of(), assembler.offer(input.get(0), 1));
        assertEquals(List.of(), assembler.offer(input.get(1), 2));
        assembler.offer(input.get(3), 3);
        assembler.offer(input.get(4), 4);
        assertEquals(2, assembler.stats().framesAccepted(), "frames 3 and 4 wait for frame 2");
        assertEquals(0, assembler.stats().gapsFilled());
        assembler.offer(input.get(5), 5);
        assertEquals(5, assembler.stats().framesAccepted(), "a third waiting frame forces 3 out, 4 and 5 follow");
        assertEquals(1, assembler.stats().gapsFilled());

        assembler.offer(input.get(2), 6);
        assertEquals(1, assembler.stats().duplicatesDropped(), "frame 2 came too late to be placed");
    }

    @Test
    void shortGapIsFilledWithSilenceAtTheMissingSamples() {
        float[] audio = ramp(2 * RATE);
        List<MonoFrame> input = new ArrayList<>(frames(audio, 1600, RATE, 0));
        input.remove(5);

        WindowAssembler assembler = new WindowAssembler(SENSOR, WindowConfig.of(1.0, 1.0));
        List<AssembledWindow> windows = feed(assembler, input);

        float[] expected = Arrays.copyOf(audio, RATE);
        Arrays.fill(expected, 8000, 9600, 0f);
        assertArrayEquals(expected, windows.get(0).samples());
        assertArrayEquals(slice(audio, RATE, 2 * RATE), windows.get(1).samples());
        assertEquals(1, assembler.stats().gapsFilled());
        assertEquals(1, assembler.stats().segmentsStarted());
    }

    @Test
    void gapLengthComesFromCaptureTimesWhenTheyAreKnown() {
        WindowAssembler assembler = new WindowAssembler(SENSOR, new WindowConfig(1.0, 1.0, 0, 0.5, 2.0, 5_000));
        assembler.offer(new MonoFrame(SENSOR, 0, 1_000, RATE, ramp(1600)), 1);
        // One frame missing by sequence, but the clock says 0.3 s of audio went missing.
        assembler.offer(new MonoFrame(SENSOR, 2, 1_400, RATE, ramp(1600)), 2);
        List<AssembledWindow> windows = assembler.offer(new MonoFrame(SENSOR, 3, 1_500, RATE, ramp(RATE)), 3);

        float[] first = windows.get(0).samples();
        assertEquals(0f, first[1600]);
        assertEquals(0f, first[1600 + 4799]);
        assertTrue(first[1600 + 4800] > 0f, "audio resumes 4800 samples (0.3 s) after the first frame");
    }

    @Test
    void longGapStartsANewSegmentAtSampleZero() {
        List<MonoFrame> input = new ArrayList<>(frames(ramp(4 * RATE), 1600, RATE, 0));
        input.subList(12, 20).clear();

        WindowAssembler assembler = new WindowAssembler(SENSOR, WindowConfig.of(1.0, 1.0));
        List<AssembledWindow> windows = feed(assembler, input);

        assertEquals(List.of("mic-1:0:0", "mic-1:0:16000", "mic-1:1:0", "mic-1:1:16000"),
                windows.stream().map(AssembledWindow::id).toList());
        assertTrue(windows.get(1).partial());
        assertEquals(3200, windows.get(1).samples().length, "frames 10 and 11 before the gap");
        assertEquals(2000, windows.get(2).startCaptureMs(), "the new segment starts at frame 20");
        assertEquals(2, assembler.stats().segmentsStarted());
        assertEquals(0, assembler.stats().gapsFilled());
    }

    @Test
    void silentSensorIsFlushedOnceAfterTheIdleTime() {
        WindowAssembler assembler = new WindowAssembler(SENSOR, OVERLAP);
        float[] audio = ramp(RATE + 4000);
        for (MonoFrame frame : frames(audio, 1000, RATE, 0)) {
            assembler.offer(frame, 1_000);
        }

        assertEquals(List.of(), assembler.flush(6_000, 0), "silent for exactly the idle time: not yet");
        List<AssembledWindow> flushed = assembler.flush(6_001, 0);
        assertEquals(1, flushed.size());
        AssembledWindow partial = flushed.get(0);
        assertTrue(partial.partial());
        assertEquals(8000, partial.startSample());
        assertArrayEquals(slice(audio, 8000, RATE + 4000), partial.samples());
        assertEquals(List.of(), assembler.flush(20_000, 0), "nothing left after a flush");

        List<AssembledWindow> resumed = assembler.offer(new MonoFrame(SENSOR, 20, 30_000, RATE, ramp(RATE)), 30_000);
        assertEquals("mic-1:1:0", resumed.get(0).id(), "a sensor that resumes starts a new segment");
    }

    @Test
    void silenceCountsOnlyFromWhenTheServiceWasPresent() {
        WindowAssembler assembler = new WindowAssembler(SENSOR, OVERLAP);
        for (MonoFrame frame : frames(ramp(RATE + 4000), 1000, RATE, 0)) {
            assembler.offer(frame, 1_000);
        }
        // The service was away (restart, broker outage, catching up) until 30 s: 29 s since the last
        // frame, but only 5 s of it heard.
        assertEquals(List.of(), assembler.flush(35_000, 30_000), "away time is not silence");
        assertEquals(1, assembler.flush(35_001, 30_000).size(), "silent for the idle time once present");
    }

    @Test
    void flushPlacesFramesStillWaitingForAMissingOne() {
        WindowAssembler assembler = new WindowAssembler(SENSOR, OVERLAP);
        List<MonoFrame> input = frames(ramp(RATE), 1600, RATE, 0);
        assembler.offer(input.get(0), 0);
        assembler.offer(input.get(2), 0);

        List<AssembledWindow> flushed = assembler.flush(10_000, 0);

        assertEquals(4800, flushed.get(0).samples().length, "frame 0, 0.1 s of silence, frame 2");
        assertEquals(1, assembler.stats().gapsFilled());
    }

    @Test
    void restoredStateContinuesExactlyLikeAnUninterruptedRun() {
        List<MonoFrame> input = new ArrayList<>(frames(ramp(6 * RATE), 333, RATE, 0));
        Collections.swap(input, 40, 42);
        input.remove(100);
        input.add(60, input.get(59));

        List<AssembledWindow> uninterrupted = feed(new WindowAssembler(SENSOR, OVERLAP), input);
        WindowAssembler assembler = new WindowAssembler(SENSOR, OVERLAP);
        List<AssembledWindow> restored = new ArrayList<>();
        long now = 0;
        for (MonoFrame frame : input) {
            assembler = WindowAssembler.fromBytes(assembler.toBytes(), OVERLAP);
            restored.addAll(assembler.offer(frame, now += 10));
        }

        assertSameWindows(uninterrupted, restored);
        assertEquals(1, assembler.stats().gapsFilled());
        assertEquals(1, assembler.stats().duplicatesDropped());
    }

    @Test
    void sensorRestartIsANewSegmentNotAStreamOfDuplicates() {
        WindowAssembler assembler = new WindowAssembler(SENSOR, WindowConfig.of(1.0, 1.0));
        feed(assembler, frames(ramp(RATE / 2), 1600, RATE, 0));
        List<AssembledWindow> afterReboot = feed(assembler, frames(ramp(RATE), 1600, RATE, 60_000));

        assertEquals(List.of("mic-1:0:0", "mic-1:1:0"), afterReboot.stream().map(AssembledWindow::id).toList());
        assertEquals(0, assembler.stats().duplicatesDropped());
    }

    @Test
    void serialisedStateStaysWithinTheDocumentedBound() {
        WindowConfig config = WindowConfig.of(1.0, 0.25);
        WindowAssembler assembler = new WindowAssembler(SENSOR, config);
        List<MonoFrame> input = new ArrayList<>(frames(ramp(10 * RATE), 4000, RATE, 0));
        input.remove(30);
        long bound = Math.round(4 * RATE * (config.windowSeconds() + config.maxBufferedSeconds()))
                + 16L * (config.windowSamples(RATE) / 4000 + 1) + 24L * config.reorderBufferFrames() + 150;
        long largest = 0;
        long now = 0;
        for (MonoFrame frame : input) {
            assembler.offer(frame, now += 10);
            largest = Math.max(largest, assembler.toBytes().length);
        }
        assertTrue(largest <= bound, largest + " bytes exceed the bound " + bound);
        assertTrue(largest > 4 * (config.windowSamples(RATE) + config.maxBufferedSeconds() * RATE / 2),
                "the reorder buffer did fill up");
    }

    @Test
    void rejectsFramesOfAnotherSensorAndStateOfAnotherFormat() {
        WindowAssembler assembler = new WindowAssembler(SENSOR, OVERLAP);
        assertThrows(IllegalArgumentException.class,
                () -> assembler.offer(new MonoFrame("other", 0, 0, RATE, ramp(10)), 0));
        byte[] state = assembler.toBytes();
        state[0] = 99;
        assertThrows(IllegalArgumentException.class, () -> WindowAssembler.fromBytes(state, OVERLAP));
        assertThrows(IllegalArgumentException.class,
                () -> WindowAssembler.fromBytes(Arrays.copyOf(assembler.toBytes(), 10), OVERLAP));
    }

    @Test
    void windowIdNamesSensorSegmentAndStartSample() {
        assertEquals("mic-7:3:48000", AssembledWindow.windowId("mic-7", 3, 48000));
    }

    private static void assertSameWindows(List<AssembledWindow> expected, List<AssembledWindow> actual) {
        assertFalse(expected.isEmpty(), "a comparison of no windows proves nothing");
        assertEquals(expected.size(), actual.size(), "window count");
        for (int i = 0; i < expected.size(); i++) {
            AssembledWindow want = expected.get(i);
            AssembledWindow got = actual.get(i);
            assertEquals(want.id(), got.id());
            assertEquals(want.endSample(), got.endSample());
            assertEquals(want.partial(), got.partial());
            assertArrayEquals(want.samples(), got.samples(), "samples of " + want.id());
            assertEquals(want.startCaptureMs(), got.startCaptureMs(), 1.0);
            assertEquals(want.endCaptureMs(), got.endCaptureMs(), 1.0);
        }
    }

    private static List<Long> starts(List<AssembledWindow> windows) {
        return windows.stream().map(AssembledWindow::startSample).toList();
    }

    private static float[] slice(float[] audio, long from, long to) {
        return Arrays.copyOfRange(audio, (int) from, (int) to);
    }
}
