package dev.zebrastream.window;

import static dev.zebrastream.window.TestAudio.EXACT;
import static dev.zebrastream.window.TestAudio.RATE;
import static dev.zebrastream.window.TestAudio.SENSOR;
import static dev.zebrastream.window.TestAudio.assembler;
import static dev.zebrastream.window.TestAudio.feed;
import static dev.zebrastream.window.TestAudio.frames;
import static dev.zebrastream.window.TestAudio.ramp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.Resampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAssemblerTest {

    /** 1 s windows, 0.5 s hop, defaults otherwise (reorder 8 frames, gap 0.5 s, idle 5 s). */
    private static final WindowConfig OVERLAP = WindowConfig.of(1.0, 0.5);

    @Test
    void oddFrameSizesGiveTheSameWindowsAsOneBigFrame() {
        float[] audio = ramp(5 * RATE);
        List<AssembledWindow> whole = feed(assembler(OVERLAP), frames(audio, audio.length, RATE, 0));
        List<AssembledWindow> odd = feed(assembler(OVERLAP), frames(audio, 333, RATE, 0));

        assertEquals(9, whole.size(), "5 s of audio, 1 s windows every 0.5 s");
        assertSameWindows(whole, odd);
        for (AssembledWindow window : odd) {
            assertArrayEquals(slice(audio, window.startSample(), window.endSample()), window.audio().samples());
            assertEquals(window.startSample() * 1000 / RATE, window.startCaptureMs(), 1.0);
        }
    }

    @Test
    void overlappingAndAdjacentWindowsStartEveryHop() {
        float[] audio = ramp(3 * RATE);
        List<AssembledWindow> overlapping = feed(assembler(OVERLAP), frames(audio, 320, RATE, 0));
        List<AssembledWindow> adjacent = feed(assembler(WindowConfig.of(1.0, 1.0)),
                frames(audio, 320, RATE, 0));

        assertEquals(List.of(0L, 8000L, 16000L, 24000L, 32000L), starts(overlapping));
        assertEquals(List.of(0L, 16000L, 32000L), starts(adjacent));
        assertTrue(adjacent.stream().allMatch(w -> w.endSample() - w.startSample() == RATE && !w.partial()));
    }

    @Test
    void sensorsWithDifferentRatesGetWindowsAtTheirOwnIndicesAndAudioAtTheOutputRate() {
        WindowConfig config = WindowConfig.of(0.5, 0.5);
        WindowAssembler slowSensor = assembler(config);
        WindowAssembler fastSensor = assembler(config);
        List<AssembledWindow> slow = feed(slowSensor, frames(ramp(8000), 160, 8000, 0));
        List<AssembledWindow> fast = feed(fastSensor, frames(ramp(44100), 441, 44100, 0));
        // The resampler's filter reads a little past a window's end: the last window waits for the flush.
        slow.addAll(slowSensor.flush(10_000, 0));
        fast.addAll(fastSensor.flush(10_000, 0));

        assertEquals(List.of(0L, 4000L), starts(slow));
        assertEquals(List.of(0L, 22050L), starts(fast));
        assertEquals(44100, fast.get(1).sampleRate(), "indices at the sensor's rate");
        assertEquals(RATE, fast.get(1).audio().sampleRate(), "audio at the output rate");
        assertEquals(RATE / 2, fast.get(1).audio().samples().length);
        assertEquals(RATE / 2, slow.get(1).audio().samples().length);
        assertFalse(fast.get(1).partial());
    }

    @Test
    void audioIsResampledAsItArrivesExactlyAsTheWholeRecordingWouldBe() {
        float[] audio = tones(3 * 48_000, 48_000);
        WindowAssembler sensor = assembler(WindowConfig.of(1.0, 0.5));
        List<AssembledWindow> windows = feed(sensor, frames(audio, 960, 48_000, 0));
        windows.addAll(sensor.flush(10_000, 0));
        float[] whole = Resampler.resample(new AudioClip(audio, 48_000), RATE).samples();

        assertEquals(List.of(0L, 24_000L, 48_000L, 72_000L, 96_000L), starts(windows));
        for (AssembledWindow w : windows) {
            int from = (int) (w.startSample() / 3);
            assertArrayEquals(Arrays.copyOfRange(whole, from, from + w.audio().samples().length), w.audio().samples(),
                    1e-6f, "no edge effects at window or frame boundaries in " + w.id());
        }
    }

    @Test
    void rateChangeClosesTheSegmentAndStartsANewOne() {
        WindowAssembler assembler = assembler(OVERLAP);
        List<MonoFrame> input = new ArrayList<>(frames(ramp(RATE + 4000), 1000, RATE, 0));
        int nextSeq = input.size();
        input.add(new MonoFrame(SENSOR, nextSeq, 1250, 8000, ramp(8000)));

        List<AssembledWindow> windows = feed(assembler, input);
        // 8 kHz audio resampled to 16 kHz: the filter reads past the window's end, so it waits for the flush.
        windows.addAll(assembler.flush(100_000, 0));

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

        WindowAssembler assembler = assembler(OVERLAP);
        assertSameWindows(feed(assembler(OVERLAP), clean), feed(assembler, withDuplicates));
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

        WindowAssembler assembler = assembler(OVERLAP);
        assertSameWindows(feed(assembler(OVERLAP), ordered), feed(assembler, shuffled));
        assertEquals(90, assembler.stats().reordered(), "3 of every 4 frames arrive after a higher number");
        assertEquals(0, assembler.stats().gapsFilled());
        assertEquals(1, assembler.stats().segmentsStarted());
    }

    @Test
    void fullReorderBufferReleasesItsLowestFrameAndTheHoleBecomesAGap() {
        WindowConfig smallBuffer = new WindowConfig(1.0, 1.0, 2, 0.5, 2.0, 5_000);
        WindowAssembler assembler = assembler(smallBuffer);
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

        WindowAssembler assembler = assembler(WindowConfig.of(1.0, 1.0));
        List<AssembledWindow> windows = feed(assembler, input);

        float[] expected = Arrays.copyOf(audio, RATE);
        Arrays.fill(expected, 8000, 9600, 0f);
        assertArrayEquals(expected, windows.get(0).audio().samples());
        assertArrayEquals(slice(audio, RATE, 2 * RATE), windows.get(1).audio().samples());
        assertEquals(1, assembler.stats().gapsFilled());
        assertEquals(1, assembler.stats().segmentsStarted());
    }

    @Test
    void gapLengthComesFromCaptureTimesWhenTheyAreKnown() {
        WindowAssembler assembler = assembler(new WindowConfig(1.0, 1.0, 0, 0.5, 2.0, 5_000));
        assembler.offer(new MonoFrame(SENSOR, 0, 1_000, RATE, ramp(1600)), 1);
        // One frame missing by sequence, but the clock says 0.3 s of audio went missing.
        assembler.offer(new MonoFrame(SENSOR, 2, 1_400, RATE, ramp(1600)), 2);
        List<AssembledWindow> windows = assembler.offer(new MonoFrame(SENSOR, 3, 1_500, RATE, ramp(RATE)), 3);

        float[] first = windows.get(0).audio().samples();
        assertEquals(0f, first[1600]);
        assertEquals(0f, first[1600 + 4799]);
        assertTrue(first[1600 + 4800] > 0f, "audio resumes 4800 samples (0.3 s) after the first frame");
    }

    @Test
    void longGapStartsANewSegmentAtSampleZero() {
        List<MonoFrame> input = new ArrayList<>(frames(ramp(4 * RATE), 1600, RATE, 0));
        input.subList(12, 20).clear();

        WindowAssembler assembler = assembler(WindowConfig.of(1.0, 1.0));
        List<AssembledWindow> windows = feed(assembler, input);

        assertEquals(List.of("mic-1:0:0", "mic-1:0:16000", "mic-1:1:0", "mic-1:1:16000"),
                windows.stream().map(AssembledWindow::id).toList());
        assertTrue(windows.get(1).partial());
        assertEquals(3200, windows.get(1).audio().samples().length, "frames 10 and 11 before the gap");
        assertEquals(2000, windows.get(2).startCaptureMs(), "the new segment starts at frame 20");
        assertEquals(2, assembler.stats().segmentsStarted());
        assertEquals(0, assembler.stats().gapsFilled());
    }

    @Test
    void silentSensorIsFlushedOnceAfterTheIdleTime() {
        WindowAssembler assembler = assembler(OVERLAP);
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
        assertArrayEquals(slice(audio, 8000, RATE + 4000), partial.audio().samples());
        assertEquals(List.of(), assembler.flush(20_000, 0), "nothing left after a flush");

        List<AssembledWindow> resumed = assembler.offer(new MonoFrame(SENSOR, 20, 30_000, RATE, ramp(RATE)), 30_000);
        assertEquals("mic-1:1:0", resumed.get(0).id(), "a sensor that resumes starts a new segment");
    }

    @Test
    void silenceCountsOnlyFromWhenTheServiceWasPresent() {
        WindowAssembler assembler = assembler(OVERLAP);
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
        WindowAssembler assembler = assembler(OVERLAP);
        List<MonoFrame> input = frames(ramp(RATE), 1600, RATE, 0);
        assembler.offer(input.get(0), 0);
        assembler.offer(input.get(2), 0);

        List<AssembledWindow> flushed = assembler.flush(10_000, 0);

        assertEquals(4800, flushed.get(0).audio().samples().length, "frame 0, 0.1 s of silence, frame 2");
        assertEquals(1, assembler.stats().gapsFilled());
    }

    @Test
    void restoredStateContinuesExactlyLikeAnUninterruptedRun() {
        List<MonoFrame> input = new ArrayList<>(frames(ramp(6 * RATE), 333, RATE, 0));
        Collections.swap(input, 40, 42);
        input.remove(100);
        input.add(60, input.get(59));

        assertRestoresLikeUninterrupted(input, EXACT);
    }

    @Test
    void restoreMidResampleAtStoredPrecisionContinuesExactly() {
        List<MonoFrame> input = frames(tones(4 * 44_100, 44_100), 1323, 44_100, 0);
        WindowOutput compact = new WindowOutput(RATE, StoredSamples.FLOAT24);

        List<AssembledWindow> windows = assertRestoresLikeUninterrupted(input, compact);
        float[] held = windows.get(1).audio().samples();
        float[] rounded = held.clone();
        StoredSamples.FLOAT24.round(rounded);
        assertArrayEquals(rounded, held, "audio held at the stored precision");
    }

    /** Saves after every frame and restores before the next one; the windows must not change. */
    private static List<AssembledWindow> assertRestoresLikeUninterrupted(List<MonoFrame> input, WindowOutput output) {
        WindowAssembler plain = new WindowAssembler(SENSOR, OVERLAP, output);
        List<AssembledWindow> uninterrupted = feed(plain, input);
        uninterrupted.addAll(plain.flush(1_000_000, 0));
        MemoryStores stores = new MemoryStores();
        WindowAssembler assembler = new WindowAssembler(SENSOR, OVERLAP, output);
        List<AssembledWindow> restored = new ArrayList<>();
        long now = 0;
        for (MonoFrame frame : input) {
            restored.addAll(assembler.offer(frame, now += 10));
            stores.save(assembler);
            assembler = stores.restore(SENSOR, OVERLAP, output);
        }
        restored.addAll(assembler.flush(1_000_000, 0));
        stores.save(assembler);

        assertSameWindows(uninterrupted, restored);
        assertEquals(plain.stats(), assembler.stats());
        assertEquals(0, stores.chunkCount(), "a closed segment leaves no audio behind");
        return restored;
    }

    @Test
    void sensorRestartIsANewSegmentNotAStreamOfDuplicates() {
        WindowAssembler assembler = assembler(WindowConfig.of(1.0, 1.0));
        feed(assembler, frames(ramp(RATE / 2), 1600, RATE, 0));
        List<AssembledWindow> afterReboot = feed(assembler, frames(ramp(RATE), 1600, RATE, 60_000));

        assertEquals(List.of("mic-1:0:0", "mic-1:1:0"), afterReboot.stream().map(AssembledWindow::id).toList());
        assertEquals(0, assembler.stats().duplicatesDropped());
    }

    @Test
    void storeWritesGrowWithTheAudioThatArrivesNotWithTheAudioHeld() {
        WindowConfig config = WindowConfig.of(1.0, 0.25);
        WindowAssembler assembler = assembler(config);
        MemoryStores stores = new MemoryStores();
        int frame = 800;
        List<MonoFrame> input = frames(ramp(10 * RATE), frame, RATE, 0);
        long largestWrite = 0;
        long largestHeld = 0;
        long now = 0;
        for (MonoFrame f : input) {
            assembler.offer(f, now += 10);
            long written = stores.save(assembler);
            // A sensor's first frames wait in the reorder buffer (in the header) until it overflows.
            if (f.sequence() > config.reorderBufferFrames()) {
                largestWrite = Math.max(largestWrite, written);
            }
            largestHeld = Math.max(largestHeld, stores.chunkBytes());
        }
        // One frame of float32 audio and its key, and a header of cursors and anchors: no held audio.
        long frameBytes = 4L * frame + 64;
        long headerBound = 200 + 16L * (config.windowSamples(RATE) / frame + 2);
        assertTrue(largestWrite <= frameBytes + headerBound, largestWrite + " bytes written for one frame");
        assertTrue(stores.header(SENSOR).length <= headerBound, stores.header(SENSOR).length + " header bytes");
        assertTrue(largestHeld <= 4L * (config.windowSamples(RATE) + frame) + 64L * (RATE / frame),
                largestHeld + " bytes of audio held: at most a window and a frame");
        long reorderBuffer = (config.reorderBufferFrames() + 1) * (4L * frame + 32);
        assertTrue(stores.bytesWritten < 4L * 10 * RATE + input.size() * (64 + headerBound) + reorderBuffer * 8,
                "each sample written once: " + stores.bytesWritten);
    }

    @Test
    void rejectsFramesOfAnotherSensorAndStateOfAnotherFormat() {
        WindowAssembler assembler = assembler(OVERLAP);
        assertThrows(IllegalArgumentException.class,
                () -> assembler.offer(new MonoFrame("other", 0, 0, RATE, ramp(10)), 0));
        MemoryStores stores = new MemoryStores();
        feed(assembler, frames(ramp(RATE / 2), 800, RATE, 0));
        stores.save(assembler);
        byte[] header = stores.header(SENSOR);
        byte[] otherFormat = header.clone();
        otherFormat[0] = 99;
        assertThrows(IllegalArgumentException.class,
                () -> WindowAssembler.restore(otherFormat, stores::chunksOf, OVERLAP, EXACT));
        assertThrows(IllegalArgumentException.class,
                () -> WindowAssembler.restore(Arrays.copyOf(header, 10), stores::chunksOf, OVERLAP, EXACT));
        assertThrows(IllegalArgumentException.class,
                () -> WindowAssembler.restore(header, (sensor, segment) -> List.of(), OVERLAP, EXACT),
                "audio the header expects is missing");
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
            assertArrayEquals(want.audio().samples(), got.audio().samples(), "samples of " + want.id());
            assertEquals(want.audio().sampleRate(), got.audio().sampleRate());
            assertEquals(want.startCaptureMs(), got.startCaptureMs(), 1.0);
            assertEquals(want.endCaptureMs(), got.endCaptureMs(), 1.0);
        }
    }

    /** Two tones and a sweep: content across the whole band, so aliasing or seams would show. */
    private static float[] tones(int length, int rate) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            double t = i / (double) rate;
            out[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * t) + 0.2 * Math.sin(2 * Math.PI * 3_000 * t)
                    + 0.1 * Math.sin(2 * Math.PI * (200 + 2_000 * t) * t));
        }
        return out;
    }

    private static List<Long> starts(List<AssembledWindow> windows) {
        return windows.stream().map(AssembledWindow::startSample).toList();
    }

    private static float[] slice(float[] audio, long from, long to) {
        return Arrays.copyOfRange(audio, (int) from, (int) to);
    }
}
